"""Dialogs, one per module; each opens with open(), never a blocking exec()."""
