from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Inti"

    def ready(self) -> None:
        from . import files

        # Stored files follow their rows (replaced or deleted -> removed on commit).
        # The storage check is `manage.py check_files`, not a system check: it reads every
        # row and lists all media, which `check`, `migrate` and `runserver` must not do.
        files.connect_all()
