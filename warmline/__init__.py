"""Warmline: a networking CRM for job seekers, career changers and their coaches."""

__version__ = "0.1.0"
