import pytest


@pytest.fixture(autouse=True)
def documenten_storage(settings, tmp_path):
    """Document content in a fresh directory per test; our own URLs on the test host."""
    settings.STORAGES = {
        **settings.STORAGES,
        "documenten": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "documenten")},
        },
    }
    settings.SITE_URL = "http://testserver"
    return tmp_path / "documenten"
