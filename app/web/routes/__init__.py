"""The web app's routers, one module per screen family; each route names its roles (app.web.auth)."""
