from django.apps import AppConfig


class TestAppConfig(AppConfig):
    """Test-only app (installed by cms/settings/test.py): a translatable snippet that
    stands in for the directory's vocabularies and organisations, so the generic snippet
    path of the translation workflow is tested before those apps exist."""

    name = "tests.testapp"
    label = "testapp"
    default_auto_field = "django.db.models.BigAutoField"
