"""Python client for DeltaDatabase, an encrypted-at-rest JSON document store.

Quick start::

    from deltadb import Client, DeltaError

    client = Client("http://127.0.0.1:8080", token="<admin or API key>")
    client.put_entities("chatdb", {"session_001": {"messages": []}})
    result = client.get_entity("chatdb", "session_001")
    print(result.body, result.etag)

The client and the model types are generated from ``spec/openapi.yaml`` (see
``deltadb._generated``); this file and ``deltadb._runtime`` are hand-written.
"""

from ._generated.client import *  # noqa: F401,F403 - the generated modules define __all__
from ._generated.client import __all__ as _client_names
from ._generated.models import *  # noqa: F401,F403
from ._generated.models import __all__ as _model_names
from ._runtime import DeltaError

__all__ = ["DeltaError", *_client_names, *_model_names]
__version__ = "0.1.0"
