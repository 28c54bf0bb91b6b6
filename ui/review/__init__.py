"""The Today page: the owner's review queue of drafts, keyboard first."""
