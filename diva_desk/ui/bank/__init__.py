"""File › Import bank statement…: the review of what a bank statement paid, and its recording."""
