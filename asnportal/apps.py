from django.apps import AppConfig


class AsnportalConfig(AppConfig):
    name = "asnportal"
    verbose_name = "Akun dan portal"
