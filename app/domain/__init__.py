"""Plain-Python model of a report, its statistics and the rules that check them."""
