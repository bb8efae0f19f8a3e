# ASN Portal production image: Django + gunicorn (web), Celery worker and beat.
# The same image runs every app service in docker-compose.yml; only the command differs.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# WeasyPrint's system libraries (Pango, HarfBuzz) and fonts for PDF output;
# curl for the web healthcheck; procps (pgrep) for the beat healthcheck.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 \
        libpangoft2-1.0-0 \
        libharfbuzz0b \
        libharfbuzz-subset0 \
        fonts-dejavu-core \
        fonts-liberation \
        curl \
        procps \
    && rm -rf /var/lib/apt/lists/*

# Unprivileged user that runs every process in the container.
RUN groupadd --system app \
    && useradd --system --gid app --home-dir /app --shell /usr/sbin/nologin app

WORKDIR /app

COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

COPY . .

ENV DJANGO_SETTINGS_MODULE=asnportal.settings \
    PYTHONUNBUFFERED=1

# Collect static files (hashed + compressed by WhiteNoise) into the image.
# The dummy SECRET_KEY exists only for this RUN line; it is not baked into the image env.
RUN SECRET_KEY=build-only DEBUG=0 ALLOWED_HOSTS=localhost python manage.py collectstatic --noinput

# MEDIA_ROOT (a named volume in compose) must be writable by the app user; a fresh named
# volume takes this directory's ownership when first mounted.
RUN mkdir -p /app/media \
    && chown app:app /app/media

USER app

EXPOSE 8000

# gunicorn reads its worker count from WEB_CONCURRENCY. 4 sync workers on 2 cores was the
# faster choice under 20 users against 2 gthread workers x 4 threads (tests/perf/README.md,
# "20 users with cached figures"); give more cores more workers.
ENV WEB_CONCURRENCY=4
CMD ["gunicorn", "asnportal.wsgi:application", "--bind", "0.0.0.0:8000", "--timeout", "60"]
