"""The provider's signing key: generated once into the instance folder and shared by every worker process."""

import os
from pathlib import Path

from joserfc.jwk import RSAKey

_cache: dict[str, RSAKey] = {}


def signing_key(instance_path: str) -> RSAKey:
    path = Path(instance_path) / "dev-idp-key.pem"
    cached = _cache.get(str(path))
    if cached is not None:
        return cached
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        key = RSAKey.generate_key(2048)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(key.as_pem(private=True))
        os.chmod(tmp, 0o600)
        try:
            os.link(tmp, path)  # atomic and fails if another worker won the race: everyone uses one key
        except FileExistsError:
            pass
        finally:
            tmp.unlink(missing_ok=True)
    key = RSAKey.import_key(path.read_bytes())
    _cache[str(path)] = key
    return key
