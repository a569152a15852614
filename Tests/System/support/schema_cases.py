"""Seeded generator of draft-07 (schema, instance) pairs for test_schema_differential.py.

Schemas and instances are produced as JSON *text*, so number literals such as
1.0, 1e2 or 123456789012345678901234567890 reach both validators exactly as
written. Every draft-07 keyword is exercised; `$ref` cases include escaped
pointers, `$id` base changes, anchors, recursion and references to a second
registered schema.

Deliberately avoided (the two sides use different regex dialects or Python has
a known quirk; see SchemaFormat / ECMARegex docs):
  * strings ending in a newline (Python's `$` matches before a final "\\n"),
    "\\r" and U+2028/9 (Python's `.` matches them, ECMA-262's does not);
  * `\\w`, `\\d`, `\\b` with non-ASCII letters/digits (Unicode in Python, ASCII in ECMA);
  * regex syntax only one dialect accepts (named groups, `\\p{..}`, inline flags);
  * formats outside the supported list (Python checks e.g. relative-json-pointer).
"""
import json
import random

NAMES = ["a", "b", "c", "x-1", "é", "a/b", "m~n", ""]
PATTERNS = ["^a", "b", "^[a-z]+$", "^\\d+$", "^.{2,3}$", "x|y", "^(ab)+$", "^[^a]*$", "\\s", "^\\S+$",
            "^[A-Z]", "é", "😀", "^.$", "foo\\b", "^(?!x)", "(?=a)", "^a{2}", "^a*?$", "[0-9]{3}", "^x-",
            "^$", "c$", "^(a|b)*c", "\\.", "[-]", "^[\\u0041-\\u005a]", "a{0,1}b", "^\\t", "\\\\"]
BAD_PATTERNS = ["(", "[a", "*a", "a{2,1}", "\\", "a)", "(?<", "+"]
STRINGS = ["", "a", "ab", "abc", "abcd", "hello", "é", "😀", "e\u0301", "a b", "A1", "ABC", "123", "12345",
           "x-y", "xyz", "foo", "foo bar", "aab", "abab", "true", "null", "1", "-", ".", "\\", "\"",
           "a\nb", "\t", "\u0000", "ab c", "Zz", "c", "bc", "aaa"]
FORMAT_STRINGS = {
    "date-time": ["2024-02-29T23:59:59Z", "2023-02-29T00:00:00Z", "2024-01-01T00:00:00.5+01:00",
                  "2024-01-01t00:00:00z", "2024-01-01T24:00:00Z", "2024-01-01T00:00:60Z", "2024-01-01T00:00:00",
                  "2024-01-01 00:00:00Z", "0000-01-01T00:00:00Z", "2024-13-01T00:00:00Z", "2024-04-31T00:00:00Z",
                  "1900-02-29T00:00:00Z", "2000-02-29T00:00:00Z", "2024-01-01T00:00:00+24:00",
                  "2024-01-01T00:00:00.Z", "2024-1-01T00:00:00Z"],
    "date": ["2024-12-31", "2024-13-01", "2024-1-01", "2024-02-30", "0001-01-01", "0000-01-01", "20240101",
             "2024-02-29", "2023-02-29", "2024-01-01T00:00:00Z"],
    "time": ["12:30:00Z", "12:30:00.5-01:00", "12:30:00", "24:00:00Z", "23:59:59+23:59", "1:00:00Z", "12:30Z"],
    "email": ["a@b", "no-at", "@", "joe@example.com", ""],
    "hostname": ["example.com", "example.com.", "-bad.com", "bad-.com", "a_b.com", "a" * 63 + ".com",
                 "a" * 64 + ".com", "localhost", "a..b", ".", "1.2.3.4", "xn--bcher-kva.example", "é.com",
                 ("abcdefghi." * 26)[:253], ("abcdefghi." * 26)[:254] + "x"],
    "ipv4": ["192.168.0.1", "256.1.1.1", "01.1.1.1", "1.1.1", "0.0.0.0", "1.2.3.4.5", "1.2.3.", " 1.2.3.4",
             "255.255.255.255", "1.2.3.04"],
    "ipv6": ["::1", "::", "1::", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:9", "1::2::3", "fe80::1%eth0",
             "12345::1", "::ffff:192.168.0.1", "::1.2.3.4", "1:2:3:4:5:6:7::", "1:2:3:4:5:6::7:8", ":1::",
             "1:", "g::1", "2001:db8::8a2e:370:7334", "::ffff:256.1.1.1", "1:2:3:4:5:6:1.2.3.4"],
    "uri": ["https://example.com/a?b=c#d", "urn:isbn:0451450523", "/relative", "http://exa mple.com",
            "mailto:a@b.c", "http://[::1]:80/", "//host/path", "#frag", "", "http://a/%zz", "http://a/%20",
            "ftp://user@host:21/x", "1http://x", "a:", "http://[v1.x]/", "http://[1::2::3]/"],
    "uri-reference": ["/relative", "#frag", "a b", "", "//host", "http://x/y", "a:b", "%41", "%4", "?q", "a/b/../c"],
    "uuid": ["123e4567-e89b-12d3-a456-426614174000", "123e4567e89b12d3a456426614174000",
             "123e4567-e89b-12d3-a456-42661417400g", "123E4567-E89B-12D3-A456-426614174000",
             "123e4567-e89b-12d3-a456-4266141740", "123e4567-e89b-12d3-a456-42661417400-0"],
    "regex": ["^[a-z]+$", "(", "a{2,1}", "[a", "a|b", "(?:x)", "\\d+", "*"],
    "json-pointer": ["", "/", "/a~0b", "/a~1b", "/a~2", "a", "/~", "/a/0", "#/a"],
}
FORMATS = list(FORMAT_STRINGS) + ["made-up"]
NUMBERS = ["0", "-0", "1", "-1", "2", "3", "5", "7", "10", "1.0", "1.5", "2.5", "0.1", "0.3", "0.5", "1e2",
           "1E2", "-1.5", "100", "4.0", "0.0075", "1e-7", "12345678901234567890", "123456789012345678901234567890",
           "9007199254740993", "9007199254740992.0", "-9007199254740993", "1e308", "1e400", "-1e400", "0.07",
           "6.02e23", "-0.0", "99.99"]
DIVISORS = ["2", "3", "10", "0.5", "0.1", "0.01", "1.5", "1e-7", "1e2", "0.3", "0.0001", "7", "1e-300"]


def dump(value):
    return json.dumps(value, ensure_ascii=False)


class Raw:
    """A JSON fragment kept as text (to preserve number literals)."""

    def __init__(self, text):
        self.text = text


def render(value):
    if isinstance(value, Raw):
        return value.text
    if isinstance(value, dict):
        return "{" + ",".join(dump(k) + ":" + render(v) for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ",".join(render(v) for v in value) + "]"
    return dump(value)


class Generator:
    def __init__(self, seed):
        self.rng = random.Random(seed)

    def pick(self, items):
        return self.rng.choice(items)

    def chance(self, p):
        return self.rng.random() < p

    # --- instances -----------------------------------------------------
    def scalar(self):
        kind = self.rng.randrange(6)
        if kind == 0:
            return Raw(self.pick(NUMBERS))
        if kind == 1:
            return self.pick([True, False, None])
        if kind == 2:
            return self.pick(FORMAT_STRINGS[self.pick(list(FORMAT_STRINGS))])
        return self.pick(STRINGS)

    def instance(self, depth=0):
        kind = self.rng.randrange(10)
        if depth >= 3 or kind < 5:
            return self.scalar()
        if kind < 7:
            return [self.instance(depth + 1) for _ in range(self.rng.randrange(5))]
        keys = self.rng.sample(NAMES + ["d", "x-a", "bb"], self.rng.randrange(5))
        return {key: self.instance(depth + 1) for key in keys}

    # --- schemas -------------------------------------------------------
    def schema(self, depth=0):
        if self.chance(0.08):
            return self.pick([True, False])
        keywords = self.rng.randrange(1, 4)
        schema = {}
        for _ in range(keywords):
            self.keyword(schema, depth)
        return schema

    def schemas(self, depth):
        return [self.schema(depth + 1) for _ in range(self.rng.randrange(1, 4))]

    def keyword(self, s, depth):
        leaf = depth >= 2
        choices = ["type", "enum", "const", "multipleOf", "maximum", "exclusiveMaximum", "minimum",
                   "exclusiveMinimum", "maxLength", "minLength", "pattern", "format", "maxItems", "minItems",
                   "uniqueItems", "maxProperties", "minProperties", "required"]
        if not leaf:
            choices += ["items", "itemsArray", "contains", "properties", "patternProperties",
                        "additionalProperties", "dependencies", "propertyNames", "if", "allOf", "anyOf",
                        "oneOf", "not"] * 2
        key = self.pick(choices)
        types = ["null", "boolean", "integer", "number", "string", "array", "object"]
        if key == "type":
            s["type"] = self.pick(types) if self.chance(0.6) else self.rng.sample(types, self.rng.randrange(1, 4))
        elif key == "enum":
            s["enum"] = [self.instance(2) for _ in range(self.rng.randrange(1, 4))]
        elif key == "const":
            s["const"] = self.instance(2)
        elif key == "multipleOf":
            s["multipleOf"] = Raw(self.pick(DIVISORS))
        elif key in ("maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum"):
            s[key] = Raw(self.pick(NUMBERS))
        elif key in ("maxLength", "minLength", "maxItems", "minItems", "maxProperties", "minProperties"):
            s[key] = Raw(self.pick(["0", "1", "2", "3", "5", "1.0", "2e0"]))
        elif key == "pattern":
            s["pattern"] = self.pick(PATTERNS)
        elif key == "format":
            s["format"] = self.pick(FORMATS)
            s.setdefault("type", "string")
        elif key == "uniqueItems":
            s["uniqueItems"] = self.pick([True, True, False])
        elif key == "required":
            s["required"] = self.rng.sample(NAMES, self.rng.randrange(0, 3))
        elif key == "items":
            s["items"] = self.schema(depth + 1)
        elif key == "itemsArray":
            s["items"] = self.schemas(depth)
            if self.chance(0.6):
                s["additionalItems"] = self.schema(depth + 1)
        elif key == "contains":
            s["contains"] = self.schema(depth + 1)
        elif key == "properties":
            s["properties"] = {n: self.schema(depth + 1) for n in self.rng.sample(NAMES, self.rng.randrange(1, 4))}
        elif key == "patternProperties":
            s["patternProperties"] = {p: self.schema(depth + 1) for p in self.rng.sample(PATTERNS, self.rng.randrange(1, 3))}
        elif key == "additionalProperties":
            s["additionalProperties"] = self.pick([False, False, True]) if self.chance(0.5) else self.schema(depth + 1)
            if self.chance(0.7):
                s["properties"] = {n: self.schema(depth + 1) for n in self.rng.sample(NAMES, 2)}
        elif key == "dependencies":
            s["dependencies"] = {
                n: (self.rng.sample(NAMES, self.rng.randrange(0, 3)) if self.chance(0.5) else self.schema(depth + 1))
                for n in self.rng.sample(NAMES, self.rng.randrange(1, 3))
            }
        elif key == "propertyNames":
            s["propertyNames"] = self.pick([
                {"maxLength": Raw("1")}, {"pattern": self.pick(PATTERNS)}, {"enum": ["a", "b"]}, False, True,
                {"format": "hostname"}, {"not": {"const": "a"}}, self.schema(depth + 1)])
        elif key == "if":
            s["if"] = self.schema(depth + 1)
            if self.chance(0.8):
                s["then"] = self.schema(depth + 1)
            if self.chance(0.8):
                s["else"] = self.schema(depth + 1)
        elif key in ("allOf", "anyOf", "oneOf"):
            s[key] = self.schemas(depth)
        elif key == "not":
            s["not"] = self.schema(depth + 1)

    def instance_for(self, schema):
        """An instance shaped by the schema's hints, so both verdicts occur."""
        if not isinstance(schema, dict) or self.chance(0.3):
            return self.instance()
        if "properties" in schema or "required" in schema or "dependencies" in schema or self.chance(0.2):
            names = list(schema.get("properties", {})) + schema.get("required", []) + list(schema.get("dependencies", {}))
            names += self.rng.sample(NAMES, 2)
            return {n: self.instance(1) for n in self.rng.sample(names, min(len(names), self.rng.randrange(0, 4)))}
        if "items" in schema or "contains" in schema or "uniqueItems" in schema:
            return [self.instance(2) for _ in range(self.rng.randrange(0, 5))]
        if "enum" in schema and self.chance(0.5):
            return self.pick(schema["enum"])
        if "const" in schema and self.chance(0.5):
            return schema["const"]
        if "format" in schema and schema["format"] in FORMAT_STRINGS:
            return self.pick(FORMAT_STRINGS[schema["format"]])
        return self.instance()

    # --- references -------------------------------------------------------
    def ref_case(self):
        kind = self.rng.randrange(7)
        inner = self.schema(1)
        if kind == 0:
            name = self.pick(["x", "a/b", "m~n", "sp ace", "per%cent", "é"])
            escaped = name.replace("~", "~0").replace("/", "~1").replace("%", "%25").replace(" ", "%20")
            schema = {"definitions": {name: inner}, "properties": {"p": {"$ref": "#/definitions/" + escaped}}}
            return schema, {"p": self.instance_for(inner)}, []
        if kind == 1:  # $ref siblings are ignored
            schema = {"definitions": {"d": inner}, "$ref": "#/definitions/d", "type": "null", "maxLength": Raw("0")}
            return schema, self.instance_for(inner), []
        if kind == 2:  # recursion
            schema = {"type": "object", "properties": {"v": inner, "kids": {"type": "array", "items": {"$ref": "#"}}}}
            def tree(depth):
                node = {"v": self.instance_for(inner)} if self.chance(0.8) else {"v": self.instance()}
                if depth < 3 and self.chance(0.6):
                    node["kids"] = [tree(depth + 1) for _ in range(self.rng.randrange(0, 3))]
                return node
            return schema, tree(0) if self.chance(0.9) else self.instance(), []
        if kind == 3:  # $id base change and anchors
            schema = {"$id": "http://example.com/root.json",
                      "definitions": {"A": {"$id": "#foo", **(inner if isinstance(inner, dict) else {"not": {}})},
                                      "B": {"$id": "nested/other.json", "definitions": {"X": inner},
                                            "properties": {"y": {"$ref": "#/definitions/X"}}}},
                      "properties": {"a": {"$ref": "#foo"}, "b": {"$ref": "nested/other.json"},
                                     "c": {"$ref": "http://example.com/nested/other.json#/definitions/X"}}}
            key = self.pick(["a", "b", "c"])
            value = {"y": self.instance_for(inner)} if key == "b" else self.instance_for(inner)
            return schema, {key: value}, []
        if kind == 4:  # cross-schema reference
            other = {"definitions": {"x": inner, "list": {"type": "array", "items": {"$ref": "#/definitions/x"}}}}
            target = self.pick(["other.v1#/definitions/x", "other.v1#/definitions/list"])
            schema = {"properties": {"p": {"$ref": target}}}
            value = self.instance_for(inner)
            if target.endswith("list"):
                value = [self.instance_for(inner) for _ in range(self.rng.randrange(0, 3))]
            return schema, {"p": value}, [("other.v1", render(other))]
        if kind == 5:  # reference into an items array / the metaschema
            if self.chance(0.5):
                return ({"items": [inner, {"$ref": "#/items/0"}]},
                        [self.instance_for(inner), self.instance_for(inner)], [])
            return {"$ref": "http://json-schema.org/draft-07/schema#"}, self.pick([
                {"type": "strin"}, {"type": "string"}, {"minLength": -1}, {"items": []}, inner, 3]), []
        schema = {"definitions": {"pos": {"$ref": "#/definitions/num"}, "num": inner},
                  "anyOf": [{"$ref": "#/definitions/pos"}, {"type": "string"}]}
        return schema, self.instance_for(inner), []

    def invalid_schema(self):
        return self.pick([
            {"type": "strin"}, {"minLength": Raw("-1")}, {"minLength": Raw("1.5")}, {"required": "a"},
            {"items": []}, {"multipleOf": Raw("0")}, {"enum": "x"}, {"properties": {"a": Raw("1")}},
            {"pattern": self.pick(BAD_PATTERNS)}, {"format": Raw("1")}, {"allOf": []}, {"type": ["string", "string"]},
            {"$ref": Raw("1")}, {"uniqueItems": "yes"}, {"dependencies": {"a": Raw("1")}},
            {"patternProperties": {self.pick(BAD_PATTERNS): {}}}, {"required": ["a", "a"]},
        ])


def exhaustive():
    """Full cross products for the keywords with tricky value semantics."""
    for divisor in DIVISORS:
        for number in NUMBERS:
            yield '{"multipleOf":%s}' % divisor, number, []
    for keyword in ("maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum"):
        for limit in NUMBERS[::2]:
            for number in NUMBERS:
                yield '{"%s":%s}' % (keyword, limit), number, []
    for left in NUMBERS:
        yield '{"type":"integer"}', left, []
        for right in NUMBERS[::3]:
            yield '{"const":%s}' % left, right, []
            yield '{"uniqueItems":true}', "[%s,%s]" % (left, right), []
    for pattern in PATTERNS:
        for string in STRINGS:
            yield render({"pattern": pattern}), dump(string), []
    for name, strings in FORMAT_STRINGS.items():
        for string in strings + STRINGS[:8]:
            yield render({"format": name}), dump(string), []
    for length in ("0", "1", "2", "3"):
        for string in STRINGS:
            yield '{"maxLength":%s,"minLength":%s}' % (length, length), dump(string), []
    values = ["1", "1.0", "true", "false", "0", "null", '"1"', "[1]", "[1.0]", "[true]", '{"a":1}', '{"a":1.0}',
              '{"a":1,"b":2}', '{"b":2,"a":1}', "[]", "{}", '"é"', '"e\u0301"']
    for left in values:
        for right in values:
            yield '{"enum":[%s]}' % left, right, []
            yield '{"uniqueItems":true}', "[%s,%s]" % (left, right), []


def generate(count, seed):
    """Yields (schema_text, instance_text, [(id, text), ...]) tuples."""
    yield from exhaustive()
    generator = Generator(seed)
    for index in range(count):
        roll = generator.rng.random()
        if roll < 0.15:
            schema, instance, others = generator.ref_case()
        elif roll < 0.18:
            schema, instance, others = generator.invalid_schema(), None, []
        else:
            schema = generator.schema(0)
            instance, others = generator.instance_for(schema), []
        yield render(schema), render(instance), others
