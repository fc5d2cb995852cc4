"""Readers of documents the app did not make: last year's report typed by hand in Word (word_report)."""
