"""Tổng Kết: drafts the year-end report of a Vietnamese Party committee."""

APP_NAME = "TongKet"
APP_DISPLAY_NAME = "Tổng Kết"
ORG_NAME = "TongKet"
__version__ = "0.1.0"
