"""Settings for the test suite: a throwaway WARMLINE_HOME and a fast password hasher."""

import atexit
import os
import shutil
import tempfile

_home = tempfile.mkdtemp(prefix="warmline-test-")
atexit.register(shutil.rmtree, _home, ignore_errors=True)
os.environ["WARMLINE_HOME"] = _home
os.environ.setdefault("WARMLINE_SECRET_KEY", "test-secret-key-not-for-production")

from warmline.config.settings import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
