#!/usr/bin/env python
"""Django's command-line utility, for development tasks such as makemigrations."""

import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "warmline.config.settings")
    from django.core.management import execute_from_command_line

    from warmline.config.home import prepare_home

    prepare_home()
    execute_from_command_line(sys.argv)
