"""What leaves the program: notification channels, the borrower's own command, the time zone, calendar files."""
