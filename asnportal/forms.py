from typing import Any

from django.contrib.auth import forms as auth_forms


class LoginForm(auth_forms.AuthenticationForm):
    error_messages = {
        "invalid_login": "Nama pengguna atau kata sandi salah. Periksa kembali (huruf besar/kecil "
        "dibedakan).",
        "inactive": "Akun ini tidak aktif. Hubungi pengelola kepegawaian.",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Nama pengguna"
        self.fields["password"].label = "Kata sandi"


class PasswordChangeForm(auth_forms.PasswordChangeForm):
    pass
