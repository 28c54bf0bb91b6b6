"""The wire: RFC 5322 messages, SMTP and IMAP. No Qt, no database."""
