"""The Customers page: a table over the whole list, a detail panel, search, add and delete."""
