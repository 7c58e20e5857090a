"""Every object and purpose the code writes to the access log has words the citizen can read (the log shows the
label in their language, never a code such as "inbox")."""

import ast
from pathlib import Path

from selfservice import labels
from selfservice.config import PACKAGE

# audit.record(citizen, action, object, purpose), audit.record_many(citizens, action, object, purpose),
# audit.touch(citizen, object, purpose): where the object and the purpose are in the arguments.
POSITIONS = {"record": (2, 3), "record_many": (2, 3), "touch": (1, 2)}


def written() -> tuple[set[str], set[str]]:
    objects, purposes = set(), set()
    for path in Path(PACKAGE).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            owner = node.func.value
            if not (isinstance(owner, ast.Name) and owner.id == "audit" and node.func.attr in POSITIONS):
                continue
            for index, found in zip(POSITIONS[node.func.attr], (objects, purposes), strict=True):
                if index < len(node.args) and isinstance(node.args[index], ast.Constant):
                    found.add(node.args[index].value)
    return objects, purposes


def test_every_object_and_purpose_written_to_the_access_log_has_a_label():
    objects, purposes = written()
    assert {"meeting", "preparation_form", "citizen_list"} <= objects  # the walk finds the calls
    assert {"casework", "inbox", "today"} <= purposes
    assert objects - set(labels.AUDIT_OBJECTS) == set()
    assert purposes - set(labels.AUDIT_PURPOSES) == set()
