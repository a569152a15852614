"""The web console in a real browser (Debian's chromium + chromium-driver, headless,
driven by Selenium) against a live `deltadb` from this suite's launcher.

One story in steps (`incremental`): sign in with the admin key; create a schema
and try documents against it; create entities, bind the schema, see a violation
at its JSON pointer; edit with If-Match and survive a second writer's save;
delete; export the schema; see the embedded worker; open documents full of
markup that must stay inert; create a read-only key, sign in with it and find the
write controls disabled with a reason; a dead session returns to the login page.
Every page is scanned with axe-core (selenium-axe-python): no serious or critical
violation. Screenshots of every page go to Tests/System/.artifacts/console/
(git-ignored); docs/console.md shows copies of them.

    Tests/System/install-browser.sh   # chromium, chromium-driver, selenium, axe (idempotent)
    python3 -m pytest Tests/System/test_console.py
"""
import json
import os
import subprocess
import time
import urllib.error
import urllib.request

import pytest

from support.processes import ROOT

pytestmark = pytest.mark.incremental

HERE = os.path.dirname(os.path.abspath(__file__))
ARTIFACTS = os.path.join(HERE, ".artifacts", "console")
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
PAGES = ["dashboard", "databases", "entities", "schemas", "workers", "keys", "explorer"]

PERSON_SCHEMA = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "type": "object",
    "properties": {
        "name": {"type": "string", "minLength": 1},
        "age": {"type": "integer", "minimum": 0},
        "tags": {"type": "array", "items": {"type": "string"}},
    },
    "required": ["name"],
}

# Markup in keys and documents: rendered as text, none of it may run or load.
XSS_KEY = "<img src=x onerror=window.__pwned=3>"
XSS_DOCUMENT = {
    "name": "<script>window.__pwned = 1</script>",
    "bio": "<img src=x onerror=\"window.__pwned = 2\">",
    "link": "<a href=\"javascript:window.__pwned=4\">click</a>",
}


def install_browser():
    subprocess.run([os.path.join(HERE, "install-browser.sh")], check=True, timeout=1200)


@pytest.fixture(scope="module")
def server(start_deltadb):
    return start_deltadb(log_level="info")


@pytest.fixture(scope="module")
def browser():
    install_browser()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1360,900",
                     "--disable-gpu", "--no-first-run", "--disable-extensions", "--lang=en-US"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
    driver.set_script_timeout(30)
    os.makedirs(ARTIFACTS, exist_ok=True)
    yield driver
    driver.quit()


# --------------------------------------------------------------- helpers

class Console:
    """The browser on the console of `server`, with the waits and checks every step uses."""

    def __init__(self, driver, server):
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import WebDriverWait

        self.driver = driver
        self.server = server
        self.By = By
        self.WebDriverWait = WebDriverWait

    def open(self, route=""):
        self.driver.get(f"{self.server.url}/#/{route}")

    def go(self, route):
        self.driver.execute_script("window.location.hash = arguments[0]", f"#/{route}")
        self.wait_for(f'[data-page="{route.split("?")[0]}"]')

    def wait(self, condition, timeout=15, message=""):
        from selenium.common.exceptions import StaleElementReferenceException

        # Pages re-render parts of themselves (a refreshed table, a saved row): an
        # element found a moment ago may be gone; the wait then looks again.
        return self.WebDriverWait(self.driver, timeout, poll_frequency=0.1,
                                  ignored_exceptions=(StaleElementReferenceException,)).until(
            lambda _: condition(), message)

    def wait_for(self, selector, timeout=15):
        return self.wait(lambda: self.first(selector), timeout, f"nothing matches {selector}")

    def wait_text(self, selector, text, timeout=15):
        return self.wait(lambda: text in self.text(selector), timeout,
                         f"{selector} never contained {text!r}; it holds {self.text(selector)!r}")

    def first(self, selector):
        found = self.driver.find_elements(self.By.CSS_SELECTOR, selector)
        return found[0] if found else None

    def all(self, selector):
        return self.driver.find_elements(self.By.CSS_SELECTOR, selector)

    def text(self, selector):
        from selenium.common.exceptions import StaleElementReferenceException

        try:
            element = self.first(selector)
            return element.text if element is not None else ""
        except StaleElementReferenceException:
            return ""

    def button(self, label, within="body"):
        """The visible, enabled-or-not button whose text is `label` (exactly)."""
        def find():
            for element in self.all(f"{within} button"):
                if element.text.strip() == label and element.is_displayed():
                    return element
            return None
        return self.wait(find, message=f"no button {label!r} in {within}")

    def click(self, label, within="body"):
        self.button(label, within).click()

    def field(self, label):
        """The control labelled `label` (through <label for>)."""
        def find():
            for element in self.all("label"):
                if element.text.strip() == label and element.get_attribute("for"):
                    return self.driver.find_element(self.By.ID, element.get_attribute("for"))
            return None
        return self.wait(find, message=f"no control labelled {label!r}")

    def type(self, label, text, clear=True):
        control = self.field(label)
        if clear:
            self.set_value(control, "")
        control.send_keys(text)
        return control

    def set_value(self, control, text):
        """Replaces a textarea's text at once (send_keys is slow for documents) and fires `input`."""
        self.driver.execute_script(
            "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}))",
            control, text)

    def shot(self, name):
        """A screenshot of the whole page (the window grows to its height for the shot)."""
        self.driver.execute_script("window.scrollTo(0, 0)")
        height = self.driver.execute_script("return document.documentElement.scrollHeight")
        self.driver.set_window_size(1360, max(900, min(height + 140, 2600)))
        time.sleep(0.3)
        self.driver.save_screenshot(os.path.join(ARTIFACTS, f"{name}.png"))
        self.driver.set_window_size(1360, 900)

    def axe(self, name):
        """Runs axe-core on the page; fails on any serious or critical violation."""
        from selenium_axe_python import Axe

        axe = Axe(self.driver)
        axe.inject()
        results = axe.run()
        with open(os.path.join(ARTIFACTS, f"axe-{name}.json"), "w") as handle:
            json.dump(results["violations"], handle, indent=2)
        severe = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
        assert not severe, f"axe on {name}: " + "; ".join(
            f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}" for v in severe)

    def session_storage(self):
        return self.driver.execute_script("return JSON.stringify(Object.assign({}, sessionStorage))")

    def local_storage(self):
        return self.driver.execute_script("return JSON.stringify(Object.assign({}, localStorage))")

    def sign_in(self, key):
        self.open()
        self.wait_for("main.login")
        self.type("Admin key or API key", key)
        self.click("Sign in")
        self.wait_for('[data-page="dashboard"]')

    def sign_out(self):
        self.click("Sign out")
        self.wait_for("main.login")

    def severe_console_errors(self):
        """Browser log entries that are CSP violations or uncaught errors."""
        entries = self.driver.get_log("browser")
        return [e["message"] for e in entries if e["level"] == "SEVERE" and "Failed to load resource" not in e["message"]]


def http(server, method, path, body=None, token=None, headers=None):
    """(status, headers, body bytes) of one request to the server."""
    request = urllib.request.Request(server.url + path, method=method, headers=dict(headers or {}))
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, data=data, timeout=10) as response:
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


@pytest.fixture(scope="module")
def console(browser, server):
    return Console(browser, server)


@pytest.fixture(scope="module")
def story():
    """What earlier steps leave for later ones (the read-only key's secret)."""
    return {}


# --------------------------------------------------------------- the story

def test_console_is_served_with_strict_headers(server):
    status, headers, body = http(server, "GET", "/")
    assert status == 200
    assert headers["content-type"].startswith("text/html")
    assert headers["content-security-policy"] == CSP
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["cache-control"] == "no-cache"
    page = body.decode()
    assert "<script>" not in page and " style=" not in page, "no inline script or style"
    assets = [part.split('"')[0] for part in page.split('"/assets/')[1:]]
    assert len(assets) == 3, page
    for name in assets:
        status, asset_headers, _ = http(server, "GET", "/assets/" + name)
        assert status == 200, name
        assert asset_headers["cache-control"] == "public, max-age=31536000, immutable"
        assert asset_headers["x-content-type-options"] == "nosniff"
    assert http(server, "GET", "/assets/app.000000000000.js")[0] == 404
    status, _, health = http(server, "GET", "/health")
    assert status == 200 and json.loads(health) == {"status": "ok"}


def test_login_page_and_sign_in_with_the_admin_key(console, server):
    started = time.monotonic()
    console.open()
    console.wait_for("main.login input[type=password]")
    # Not a test assertion (see DESIGN §8): recorded for docs/console.md.
    with open(os.path.join(ARTIFACTS, "timing.txt"), "w") as handle:
        handle.write(f"login page interactive after {time.monotonic() - started:.3f} s (driver.get to the key field)\n")
    console.shot("01-login")
    console.axe("login")

    console.type("Admin key or API key", "not-the-key")
    console.click("Sign in")
    console.wait_text("main.login [role=alert]", "Sign-in failed")

    console.type("Admin key or API key", server.admin_key)
    console.click("Sign in")
    console.wait_for('[data-page="dashboard"]')
    assert console.text('[data-testid="who"]') == "admin"
    assert "every permission" in console.text('[data-testid="permissions"]')
    stored = console.session_storage()
    assert "deltadb.console.session" in stored
    assert server.admin_key not in stored, "the key itself is not kept, only the session token"
    assert console.local_storage() == "{}"
    assert server.admin_key not in console.driver.current_url
    token = json.loads(json.loads(stored)["deltadb.console.session"])["token"]
    assert token not in console.driver.current_url
    assert "session expires in" in console.text('[data-testid="expiry"]')


def test_schema_create_live_validation_and_export(console):
    console.go("schemas")
    console.click("New schema")
    console.type("Schema id", "person.v1")
    console.set_value(console.field("JSON Schema (draft-07)"), json.dumps(PERSON_SCHEMA, indent=2))
    console.click("Create")
    console.wait_text('[data-testid="schema-id"]', "person.v1")
    assert '"minLength": 1' in console.text('[data-testid="schema-document"]')

    sample = console.field("Sample document (JSON)")
    console.set_value(sample, json.dumps({"name": "", "age": -1}))
    console.wait_text('[data-testid="sample-verdict"]', "/age")
    verdict = console.text('[data-testid="sample-verdict"]')
    assert "/name" in verdict and "/age" in verdict
    console.set_value(sample, json.dumps({"name": "Ada", "age": 36}))
    console.wait_text('[data-testid="sample-verdict"]', "Valid against person.v1")

    console.click("Export as Pydantic")
    console.wait_text('[data-testid="export-output"]', "BaseModel")
    assert console.button("Copy").is_enabled() and console.button("Download").is_enabled()
    console.click("Export as TypeScript")
    console.wait_text('[data-testid="export-output"]', "export ")
    console.shot("05-schemas")
    console.axe("schemas")


def test_create_entities_and_bind_the_schema(console, server):
    console.go("entities")
    console.type("Database", "people")
    console.click("Open")
    console.wait_text('[data-testid="list-status"]', "people holds no entity")
    for key, document in (("alice", {"name": "Alice", "age": 30}), ("bob", {"name": "Bob"})):
        console.click("New entity")
        console.type("Key", key)
        console.set_value(console.field("Document (JSON)"), json.dumps(document))
        console.click("Create")
        console.wait_text('[data-testid="document-panel"]', f"{key} was created")
    console.wait(lambda: len(console.all('[data-testid="keys"] button.key')) == 2)
    status, _, body = http(server, "GET", "/entity/people?key=alice", token=server.admin_key)
    assert status == 200 and json.loads(body) == {"name": "Alice", "age": 30}

    console.go("databases")
    console.wait_for('tr[data-database="people"]')
    row = 'tr[data-database="people"]'
    from selenium.webdriver.support.ui import Select
    Select(console.first(f"{row} select")).select_by_visible_text("person.v1")
    console.click("Bind", within=row)
    console.wait_text(f'{row} [data-testid="schema"]', "person.v1 (bound)")
    console.shot("03-databases")
    console.axe("databases")
    status, _, body = http(server, "GET", "/api/databases/people", token=server.admin_key)
    assert json.loads(body) == {"name": "people", "schema_id": "person.v1", "bound": True}


def test_a_schema_violation_is_shown_at_its_pointer(console, server):
    console.go("entities?db=people")
    console.wait_text('[data-testid="schema-line"]', "validated against person.v1")
    console.click("New entity")
    console.type("Key", "carol")
    console.set_value(console.field("Document (JSON)"), json.dumps({"name": "Carol", "age": "thirty", "tags": ["a", 7]}))
    console.click("Create")
    console.wait_for('[data-testid="violations"]')
    pointers = [item.get_attribute("data-pointer") for item in console.all('[data-testid="violations"] li')]
    assert sorted(pointers) == ["/age", "/tags/1"], pointers
    assert console.first('[data-testid="editor"]').get_attribute("aria-invalid") == "true"
    # "Go to line" selects the offending member in the editor.
    console.first('[data-testid="violations"] li[data-pointer="/age"] button').click()
    selected = console.driver.execute_script(
        "const e = document.activeElement; return e.value.slice(e.selectionStart, e.selectionEnd)")
    assert '"age": "thirty"' in selected
    console.shot("04-entities-violation")
    assert http(server, "GET", "/entity/people?key=carol", token=server.admin_key)[0] == 404


def test_view_and_edit_with_if_match(console, server):
    console.go("entities?db=people&key=alice")
    console.wait_text('[data-testid="entity-version"]', "Version 1")
    assert json.loads(console.text('[data-testid="document"]')) == {"name": "Alice", "age": 30}
    assert console.text('[data-testid="document"]').startswith('{\n  "name"'), "pretty-printed"
    console.shot("04-entities")
    console.axe("entities")
    console.click("Edit")
    console.set_value(console.first('[data-testid="editor"]'), json.dumps({"name": "Alice", "age": 31}, indent=2))
    console.click("Save")
    console.wait_text('[data-testid="document-panel"]', "alice was saved")
    console.wait_text('[data-testid="entity-version"]', "Version 2")
    status, headers, body = http(server, "GET", "/entity/people?key=alice", token=server.admin_key)
    assert json.loads(body)["age"] == 31 and headers["etag"] == '"2"'


def test_a_second_writer_between_load_and_save_is_a_conflict(console, server):
    console.go("entities?db=people&key=alice")
    console.wait_text('[data-testid="entity-version"]', "Version 2")
    console.click("Edit")
    # Another writer saves between the console's load and its save.
    status, _, _ = http(server, "PUT", "/entity/people", {"alice": {"name": "Alice", "age": 31, "tags": ["from-rest"]}},
                        token=server.admin_key)
    assert status == 200
    console.set_value(console.first('[data-testid="editor"]'), json.dumps({"name": "Alice B.", "age": 31}, indent=2))
    console.click("Save")
    console.wait_for('[data-testid="conflict"]')
    assert "version 2" in console.text('[data-testid="conflict"]') and "version 3" in console.text('[data-testid="conflict"]')
    diff = console.text('[data-testid="conflict-diff"]')
    assert '+   "tags": [' in diff and '"from-rest"' in diff, diff
    console.shot("04-entities-conflict")
    console.axe("entities-conflict")
    # The other writer's version is still there: nothing was overwritten silently.
    assert json.loads(http(server, "GET", "/entity/people?key=alice", token=server.admin_key)[2])["tags"] == ["from-rest"]

    console.click("Overwrite with my edits")
    console.wait_text('[data-testid="document-panel"]', "overwritten with your edits")
    status, headers, body = http(server, "GET", "/entity/people?key=alice", token=server.admin_key)
    assert json.loads(body) == {"name": "Alice B.", "age": 31} and headers["etag"] == '"4"'

    # Again, but this time the user reloads and keeps the other writer's version.
    console.click("Edit")
    http(server, "PUT", "/entity/people", {"alice": {"name": "Alice C.", "age": 32}}, token=server.admin_key)
    console.set_value(console.first('[data-testid="editor"]'), json.dumps({"name": "lost edit"}))
    console.click("Save")
    console.wait_for('[data-testid="conflict"]')
    console.click("Reload (discard my edits)")
    console.wait_text('[data-testid="entity-version"]', "Version 5")
    assert json.loads(console.text('[data-testid="document"]')) == {"name": "Alice C.", "age": 32}


def test_delete_an_entity(console, server):
    console.go("entities?db=people&key=bob")
    console.wait_text('[data-testid="entity-key"]', "bob")
    console.click("Delete")
    console.click("Delete bob now")
    console.wait_text('[data-testid="document-panel"]', "bob was deleted")
    assert not console.first('[data-testid="keys"] button[data-key="bob"]')
    assert http(server, "GET", "/entity/people?key=bob", token=server.admin_key)[0] == 404


def test_browsing_thousands_of_keys_by_prefix_and_cursor(console, server):
    batch = {f"user:{i:05d}": {"n": i} for i in range(2500)}
    for start in range(0, 2500, 500):
        part = dict(list(batch.items())[start:start + 500])
        assert http(server, "PUT", "/entity/many", part, token=server.admin_key)[0] == 200
    console.go("entities?db=many")
    console.wait_text('[data-testid="list-status"]', "100 keys shown; more available")
    console.click("Load more")
    console.wait_text('[data-testid="list-status"]', "200 keys shown; more available")
    keys = [b.get_attribute("data-key") for b in console.all('[data-testid="keys"] button.key')]
    assert keys == sorted(batch)[:200]
    console.type("Key prefix", "user:0199")
    console.wait_text('[data-testid="list-status"]', "10 keys shown")
    assert console.first('[data-testid="keys"] button.key').get_attribute("data-key") == "user:01990"


def test_stored_markup_stays_inert(console, server):
    status, _, body = http(server, "PUT", "/entity/people", {XSS_KEY: XSS_DOCUMENT}, token=server.admin_key)
    assert status == 200, body
    console.go("entities?db=people")
    item = console.wait_for(f'[data-testid="keys"] button.key[data-key="{XSS_KEY}"]')
    assert XSS_KEY in item.text
    item.click()
    console.wait_text('[data-testid="entity-key"]', XSS_KEY)
    shown = console.text('[data-testid="document"]')
    assert json.loads(shown) == XSS_DOCUMENT and "<script>" in shown
    panel = console.first('[data-testid="document-panel"]')
    assert not panel.find_elements(console.By.CSS_SELECTOR, "script, img, a[href^=javascript]")
    console.click("Edit")  # the editor shows it as text too
    assert json.loads(console.first('[data-testid="editor"]').get_attribute("value")) == XSS_DOCUMENT
    console.click("Cancel")
    time.sleep(0.5)  # give an onerror handler time to fire, if one had been created
    assert console.driver.execute_script("return window.__pwned === undefined")
    console.shot("04-entities-markup")


def test_dashboard_and_workers(console):
    console.go("dashboard")
    console.wait_text('[data-testid="health"]', "Healthy")
    console.wait_text('[data-testid="workers"]', "1 / 1")
    console.wait(lambda: console.text('[data-testid="database-count"]') not in ("", "…"))
    console.wait(lambda: console.text('[data-testid="entity-count"]') not in ("", "…"))
    assert int(console.text('[data-testid="database-count"]')) == 2
    assert console.text('[data-testid="entity-count"]') == "2502"  # alice, the markup one, 2500 in many
    assert "%" in console.text('[data-testid="hit-rate"]')
    console.wait_text('[data-testid="server"]', "all-in-one 0.1.0")
    assert "storage: shared directory (shared-fs)" in console.text('section[aria-label="Server"]')
    console.shot("02-dashboard")
    console.axe("dashboard")

    console.go("workers")
    console.wait_for('[data-testid="worker-id"]')
    row = console.first('[data-testid="workers"] tbody tr').text
    assert "Available" in row and "mode=embedded" in row and "main-key-v1" in row
    console.shot("06-workers")
    console.axe("workers")


def test_databases_come_page_by_page_and_filter_by_prefix(console, server):
    names = [f"page{n:02d}" for n in range(55)]
    for name in names:
        assert http(server, "PUT", f"/entity/{name}", {"k": {"n": 1}}, token=server.admin_key)[0] == 200
    console.go("databases")
    console.wait_for('tr[data-database="many"]')
    rows = lambda: [row.get_attribute("data-database") for row in console.all('[data-testid="databases"] tbody tr')]
    console.wait(lambda: len(rows()) == 50)
    assert rows() == sorted(["many", "people", *names])[:50], "the first page is the first 50 names, bytewise"
    console.click("Show more")
    console.wait(lambda: len(rows()) == 57)
    assert rows() == sorted(["many", "people", *names])
    console.wait_text('[data-testid="database-summary"]', "Showing 57, all of them")
    assert not any(b.is_displayed() for b in console.all("button") if b.get_attribute("textContent") == "Show more")

    console.type("Filter by name prefix", "page4")
    console.wait(lambda: rows() == [f"page4{n}" for n in range(10)])
    for name in names:
        assert http(server, "DELETE", f"/entity/{name}?key=k", token=server.admin_key)[0] == 200


def test_sign_out_ends_the_session_on_the_server(console, server):
    token = json.loads(json.loads(console.session_storage())["deltadb.console.session"])["token"]
    assert http(server, "GET", "/api/me", token=token)[0] == 200
    console.sign_out()
    assert "the session has ended on the server" in console.text("main.login")
    assert console.session_storage() == "{}"
    status, _, body = http(server, "GET", "/api/me", token=token)
    assert status == 401, f"the token still works after sign-out: {status} {body!r}"
    console.sign_in(server.admin_key)


def test_explorer_sends_requests_with_the_credential(console):
    from selenium.webdriver.support.ui import Select

    console.go("explorer")
    Select(console.first('[data-testid="operation"]')).select_by_value("getMe")
    assert console.first('[data-testid="path"]').get_attribute("value") == "/api/me"
    console.click("Send")
    console.wait_text('[data-testid="status"]', "200")
    assert '"client_id": "admin"' in console.text('[data-testid="response-body"]')
    assert "content-type" in console.text('[data-testid="response"]')
    console.shot("08-explorer")
    console.axe("explorer")
    console.set_value(console.first('[data-testid="path"]'), "//example.com/steal")
    console.click("Send")
    console.wait_text('[data-testid="response"]', "Enter a path on this server")


def test_api_keys_create_list_and_a_read_only_key(console, story):
    console.go("keys")
    console.type("Name", "viewer")
    # read is checked by default; write and admin stay unchecked.
    console.field("Expires")
    from selenium.webdriver.support.ui import Select
    Select(console.field("Expires")).select_by_visible_text("7 days")
    console.click("Create key")
    console.wait_text('[data-testid="created-key"]', "shown only this once")
    secret = console.text('[data-testid="secret"]')
    assert secret.startswith("dk_")
    story["viewer"] = secret
    console.wait_text('[data-testid="key-list"]', "viewer")
    console.shot("07-keys")
    console.axe("keys")

    console.type("Name", "doomed")
    console.click("Create key")
    console.wait_text('[data-testid="key-list"]', "doomed")
    row = next(r for r in console.all('[data-testid="key-list"] tbody tr') if "doomed" in r.text)
    row.find_element(console.By.XPATH, ".//button[normalize-space()='Revoke']").click()
    console.click("Revoke doomed now")
    console.wait(lambda: "doomed" not in console.text('[data-testid="key-list"]'))


def test_a_read_only_key_sees_write_controls_disabled_with_a_reason(console, story):
    console.sign_out()
    console.sign_in(story["viewer"])
    assert console.text('[data-testid="permissions"]') == "read"

    console.go("entities?db=people&key=alice")
    console.wait_text('[data-testid="entity-key"]', "alice")
    for label in ("New entity", "Edit", "Delete"):
        control = console.button(label)
        assert not control.is_enabled(), label
        assert "Needs the write permission" in control.get_attribute("data-disabled-reason")
        described = control.get_attribute("aria-describedby")
        assert "Needs the write permission" in console.driver.find_element(console.By.ID, described.split()[-1]).text
    assert "Needs the write permission" in console.text('[data-testid="permission-note"]')
    console.shot("09-read-only-entities")
    console.axe("read-only-entities")

    console.go("schemas?id=person.v1")
    console.wait_text('[data-testid="schema-id"]', "person.v1")
    assert not console.button("New schema").is_enabled() and not console.button("Edit").is_enabled()

    console.go("databases")
    console.wait_for('tr[data-database="people"]')
    assert not console.button("Bind", within='tr[data-database="people"]').is_enabled()
    assert "Needs the admin permission" in console.text('[data-testid="permission-note"]')

    for route in ("workers", "keys"):
        console.go(route)
        console.wait_text('[data-testid="permission-note"]', "Needs the admin permission")
    console.go("dashboard")
    console.wait_text('[data-testid="health"]', "Healthy")
    console.wait_text('section[aria-label="Cache hit rate"]', "Needs the admin permission")
    console.wait_text('section[aria-label="Workers"]', "Needs the admin permission")


def test_a_dead_session_returns_to_login(console, server):
    console.driver.execute_script(
        "const k = 'deltadb.console.session'; const s = JSON.parse(sessionStorage.getItem(k));"
        "s.token = 'expired-token'; sessionStorage.setItem(k, JSON.stringify(s)); location.reload()")
    console.wait_for("main.login")
    assert "no longer valid" in console.text("main.login")
    console.sign_in(server.admin_key)


def test_every_page_passes_axe_and_logs_no_csp_violation(console):
    for route in PAGES:
        console.go(route)
        time.sleep(0.8)  # let the page's first requests land
        console.axe(f"sweep-{route}")
    errors = console.severe_console_errors()
    assert not [e for e in errors if "Content Security Policy" in e or "Uncaught" in e], errors


def test_main_worker_serves_it_too_and_ui_false_turns_it_off(start_cluster, start_deltadb):
    from types import SimpleNamespace

    cluster = start_cluster()
    main = SimpleNamespace(url=f"http://127.0.0.1:{cluster.rest_port}")
    status, headers, body = http(main, "GET", "/")
    assert status == 200 and headers["content-security-policy"] == CSP and b"/assets/app." in body

    quiet = start_deltadb(extra_args=["-ui=false"], log_level="info")
    assert http(quiet, "GET", "/")[0] == 404
    assert http(quiet, "GET", "/health")[0] == 200
