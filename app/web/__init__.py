"""The counter and review web app (FastAPI + Jinja2): ``create_app()``; see docs/web.md."""
