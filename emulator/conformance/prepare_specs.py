"""Writes the copies of Infobip's specs that the conformance run reads.

The emulator answers exactly what Infobip's specs describe, with three differences the copies
account for (each is listed in emulator/README.md, "Conformance run"):

* `format: date-time` is dropped: Infobip writes `2026-01-01T10:00:00.000+0000`, which is not
  RFC 3339, and the emulator keeps Infobip's form.
* Operations whose spec lists no 400 answer invalid input with 400 in their API's error shape all
  the same (as Infobip does); the copy declares that 400, with the body schema of the operation's
  own 401 answer.
* `application/xml` request bodies are dropped where JSON is offered: the emulator reads JSON only.
* A 204 answer documented with a body loses that body: a 204 has none (RFC 9110), and the
  emulator sends none.
* Where a request example contradicts its schema, the example wins (the emulator accepts what
  Infobip's examples send): the copy widens the schema the same way, from each operation's JSON
  examples (`widen_to_request_examples`).
* In a `multipart/form-data` body one value and a list of one value are the same parts on the
  wire: a list of scalars also accepts a single scalar in the copy (`accept_single_parts`).
* The same for a schema's own `example` (the emulator tolerates, on that schema node, the rules
  the example breaks): where it has another JSON type than the node says, a key the node does not
  allow or leaves out a required one, or a value outside the enum, the copy widens that node
  (`widen_to_schema_examples`).
"""

import copy
import json
import sys
from pathlib import Path

METHODS = ("get", "post", "put", "patch", "delete")

def drop_date_time_format(node):
    if isinstance(node, dict):
        if node.get("format") == "date-time":
            node = {k: v for k, v in node.items() if k != "format"}
        return {k: drop_date_time_format(v) for k, v in node.items()}
    if isinstance(node, list):
        return [drop_date_time_format(v) for v in node]
    return node


def declare_missing_400(doc):
    added = []
    for path, item in doc.get("paths", {}).items():
        for method in METHODS:
            op = item.get(method)
            if not op:
                continue
            responses = op.setdefault("responses", {})
            if any(code in responses for code in ("400", "4XX", "default")):
                continue
            unauthorized = responses.get("401")
            if unauthorized is None:
                continue
            answer = copy.deepcopy(unauthorized)
            if "$ref" in answer:
                name = answer["$ref"].rsplit("/", 1)[-1]
                answer = copy.deepcopy(doc["components"]["responses"][name])
            answer["description"] = "Bad request (declared by the conformance run: Infobip's spec omits it)"
            responses["400"] = answer
            added.append(f"{method.upper()} {path}")
    return added


def drop_xml_requests(doc):
    for item in doc.get("paths", {}).values():
        for method in METHODS:
            body = (item.get(method) or {}).get("requestBody")
            content = (body or {}).get("content", {})
            if "application/xml" in content and len(content) > 1:
                del content["application/xml"]


def drop_204_content(doc):
    for item in doc.get("paths", {}).values():
        for method in METHODS:
            no_content = ((item.get(method) or {}).get("responses") or {}).get("204")
            if isinstance(no_content, dict):
                no_content.pop("content", None)


def accept_single_parts(doc):
    """Each multipart list of scalars in the copy also accepts one scalar (see the module docs)."""
    schemas = doc.get("components", {}).get("schemas", {})
    for item in doc.get("paths", {}).values():
        for method in METHODS:
            body = (item.get(method) or {}).get("requestBody") or {}
            schema = (body.get("content", {}).get("multipart/form-data") or {}).get("schema") or {}
            ref = schema.get("$ref", "")
            if ref.startswith("#/components/schemas/"):
                schema = schemas.get(ref.rsplit("/", 1)[-1], {})
            for name, prop in list((schema.get("properties") or {}).items()):
                items = prop.get("items") if isinstance(prop, dict) else None
                if prop.get("type") == "array" and isinstance(items, dict) and items.get("type") in (
                    "string", "integer", "number", "boolean",
                ):
                    schema["properties"][name] = {"anyOf": [prop, copy.deepcopy(items)]}


JSON_TYPES = {bool: "boolean", int: "integer", float: "number", str: "string", list: "array", dict: "object"}


def json_type(value):
    return "null" if value is None else JSON_TYPES[type(value)]


def widen(doc, node, example, depth=0):
    """Widens schema `node` (in place) so that `example` fits the rules the emulator tolerates."""
    if depth > 32 or not isinstance(node, dict):
        return
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/"):
        target = doc
        for step in ref[2:].split("/"):
            target = target.get(step.replace("~1", "/").replace("~0", "~"), {})
        widen(doc, target, example, depth + 1)
        return
    declared = node.get("type")
    types = [declared] if isinstance(declared, str) else list(declared or [])
    actual = json_type(example)
    fits = not types or actual in types or (actual == "integer" and "number" in types)
    if not fits:
        node["type"] = types + [actual]
        return
    if "enum" in node and example not in node["enum"]:
        node["enum"] = node["enum"] + [example]
    if isinstance(example, dict):
        properties = node.get("properties") or {}
        if isinstance(node.get("required"), list):
            node["required"] = [name for name in node["required"] if name in example]
        extra = node.get("additionalProperties")
        for key, value in example.items():
            if key in properties:
                widen(doc, properties[key], value, depth + 1)
            elif isinstance(extra, dict):
                widen(doc, extra, value, depth + 1)
            elif extra is False:
                node["additionalProperties"] = True
    elif isinstance(example, list) and isinstance(node.get("items"), dict):
        for item in example:
            widen(doc, node["items"], item, depth + 1)


def widen_to_request_examples(doc):
    """Each operation's JSON request examples fit its body schema in the copy (see the module docs)."""
    for item in doc.get("paths", {}).values():
        for method in METHODS:
            body = (item.get(method) or {}).get("requestBody") or {}
            media = body.get("content", {}).get("application/json") or {}
            schema = media.get("schema")
            if not isinstance(schema, dict):
                continue
            examples = [e.get("value") for e in (media.get("examples") or {}).values() if isinstance(e, dict)]
            if "example" in media:
                examples.append(media["example"])
            for example in examples:
                if example is not None:
                    widen(doc, schema, copy.deepcopy(example))


def widen_to_schema_examples(doc):
    """Every schema node's own `example` fits its node in the copy (see the module docs)."""
    found = []

    def walk(node):
        if isinstance(node, dict):
            if "example" in node and any(k in node for k in ("type", "properties", "$ref")):
                found.append(node)
            for key, value in node.items():
                if key not in ("example", "examples"):
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(doc)
    for node in found:
        widen(doc, node, copy.deepcopy(node["example"]))


def main():
    spec_dir, out_dir, *products = sys.argv[1:]
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for product in products:
        doc = json.loads((Path(spec_dir) / f"infobip-{product}-openapi.json").read_text())
        doc = drop_date_time_format(doc)
        added = declare_missing_400(doc)
        drop_xml_requests(doc)
        drop_204_content(doc)
        accept_single_parts(doc)
        widen_to_request_examples(doc)
        widen_to_schema_examples(doc)
        (out / f"{product}.json").write_text(json.dumps(doc))
        print(f"{product}: 400 declared on {len(added)} operation(s) the spec leaves it out of")


if __name__ == "__main__":
    main()
