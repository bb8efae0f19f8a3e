"""Shared building blocks every app may use: spreadsheets, uploads, request parameters.

`core` imports no other app of this project (see docs/architecture.md).
"""
