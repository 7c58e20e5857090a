"""The OpenAPI 3.0 document for /api/v1, built from the same schemas the server validates with."""

from . import schema

JSON = "application/json"


def _body(component: str) -> dict:
    return {"required": True, "content": {JSON: {"schema": {"$ref": f"#/components/schemas/{component}"}}}}


def _responses(ok: int, ok_description: str, *errors: int) -> dict:
    responses = {str(ok): {"description": ok_description, "content": {JSON: {"schema": {"type": "object"}}}}}
    descriptions = {
        400: "Bad request",
        401: "No valid token",
        403: "The token lacks the scope",
        404: "Not found",
        409: "Conflicts with what is stored",
        422: "The body is not valid",
    }
    for code in (401, 403, *errors):
        responses[str(code)] = {
            "description": descriptions[code],
            "content": {JSON: {"schema": {"$ref": "#/components/schemas/Error"}}},
        }
    return responses


def _path_id(name: str) -> dict:
    return {
        "name": name,
        "in": "path",
        "required": True,
        "schema": {"type": "string", "minLength": 1, "maxLength": 64, "pattern": "^[A-Za-z0-9_.-]+$"},
    }


# No NUL: PostgreSQL text cannot hold it, and no person types it. (Lone surrogates are refused too: the API takes
# UTF-8 text, which cannot carry them.)
NO_NUL = "^[^\\x00]*$"


def documented(node):
    """The schema as published: strings say which characters they cannot hold, as the server checks."""
    if isinstance(node, dict):
        copy = {key: documented(value) for key, value in node.items()}
        if copy.get("type") == "string" and "enum" not in copy and "format" not in copy and "pattern" not in copy:
            copy["pattern"] = NO_NUL
        return copy
    if isinstance(node, list):
        return [documented(item) for item in node]
    return node


def document() -> dict:
    secured: list[dict[str, list[str]]] = [{"bearer": []}]
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "selfservice case-system API",
            "version": "1.0.0",
            "description": (
                "For the municipality's case system. Tokens: `flask api-tokens create`. No text may contain NUL "
                "characters (U+0000) or lone surrogates: such a request is refused with 422."
            ),
        },
        "servers": [{"url": "/api/v1"}],
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": documented(
                {
                    "Citizen": schema.CITIZEN,
                    "Plan": schema.PLAN,
                    "Meeting": schema.MEETING,
                    "Error": schema.ERROR,
                }
            ),
        },
        "security": secured,
        "paths": {
            "/citizens/{external_id}": {
                "put": {
                    "operationId": "upsertCitizen",
                    "summary": "Create or update a citizen (scope citizens:write)",
                    "parameters": [_path_id("external_id")],
                    "requestBody": _body("Citizen"),
                    "responses": _responses(200, "Stored", 400, 409, 422),
                }
            },
            "/citizens/{external_id}/plan": {
                "put": {
                    "operationId": "upsertPlan",
                    "summary": "Replace the plan's goal and activities and publish a version (scope plans:write)",
                    "parameters": [_path_id("external_id")],
                    "requestBody": _body("Plan"),
                    "responses": _responses(200, "Published", 400, 404, 409, 422),
                }
            },
            "/meetings/{external_id}": {
                "put": {
                    "operationId": "upsertMeeting",
                    "summary": "Create or update a meeting (scope meetings:write)",
                    "parameters": [_path_id("external_id")],
                    "requestBody": _body("Meeting"),
                    "responses": _responses(200, "Stored", 400, 404, 409, 422),
                }
            },
            "/meetings/{external_id}/cancel": {
                "post": {
                    "operationId": "cancelMeeting",
                    "summary": "Cancel a meeting (scope meetings:write)",
                    "parameters": [_path_id("external_id")],
                    "responses": _responses(200, "Cancelled", 404),
                }
            },
            "/preparation-forms": {
                "get": {
                    "operationId": "listForms",
                    "summary": "Sent preparation forms (scope forms:read)",
                    "parameters": [
                        {
                            "name": "status",
                            "in": "query",
                            "required": False,
                            "schema": {"type": "string", "enum": ["submitted", "seen", "reviewed", "discussed"]},
                        },
                        {
                            "name": "acknowledged",
                            "in": "query",
                            "required": False,
                            "schema": {"type": "string", "enum": ["true", "false"]},
                        },
                    ],
                    "responses": _responses(200, "A list of forms", 400),
                }
            },
            "/preparation-forms/{reference}": {
                "get": {
                    "operationId": "getForm",
                    "summary": "One sent form, as the citizen wrote it (scope forms:read)",
                    "parameters": [_path_id("reference")],
                    "responses": _responses(200, "The form", 404),
                }
            },
            "/preparation-forms/{reference}/acknowledge": {
                "post": {
                    "operationId": "acknowledgeForm",
                    "summary": "Note that the case system has the form (scope forms:write)",
                    "parameters": [_path_id("reference")],
                    "responses": _responses(200, "Acknowledged", 404),
                }
            },
        },
    }
