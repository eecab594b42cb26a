"""Log in to MLflow through its front as a person would, in headless Chromium.

    python3 browser_login.py FRONT_URL USER MODEL SCREENSHOT

Opens FRONT_URL, follows the redirect to the identity provider, logs in as
USER on its form, consents, lands back on MLflow's UI, opens the registered
models page and waits for MODEL to show (MODEL '-': stays on the landing page).  Then, with the browser's session,
asks MLflow for an access token for the user.  Prints one JSON object:
the pages seen, the login's duration, the token and the session cookie.
"""
import json
import sys
import time

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

front, user, model, screenshot = sys.argv[1:5]
options = webdriver.ChromeOptions()
for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
             # The front's certificate is the proxy role's self-signed one.
             "--ignore-certificate-errors", "--window-size=1280,900"):
    options.add_argument(flag)
driver = webdriver.Chrome(service=webdriver.ChromeService("/usr/bin/chromedriver"), options=options)
wait = WebDriverWait(driver, 60)
seen = []
try:
    start = time.monotonic()
    driver.get(front + "/")
    wait.until(EC.presence_of_element_located((By.NAME, "login")))
    seen.append(driver.current_url.split("?")[0])
    driver.find_element(By.NAME, "login").send_keys(user)
    driver.find_element(By.NAME, "password").send_keys("any password: the test provider's form")
    driver.find_element(By.CSS_SELECTOR, "button[type=submit], [type=submit]").click()
    # The consent page, then back to MLflow.
    wait.until(lambda d: d.current_url.startswith(front) or d.find_elements(By.CSS_SELECTOR, "button[autofocus], button[type=submit]"))
    if not driver.current_url.startswith(front):
        seen.append(driver.current_url.split("?")[0])
        driver.find_element(By.CSS_SELECTOR, "button[autofocus], button[type=submit]").click()
    wait.until(lambda d: d.current_url.startswith(front))
    login_seconds = time.monotonic() - start
    seen.append(driver.current_url)
    if model != "-":
        driver.get(front + "/#/models")
        wait.until(EC.presence_of_element_located((By.XPATH, f"//*[contains(text(), '{model}')]")))
        seen.append(driver.current_url)
        # MLflow's "new Model Registry UI" notice would cover the list in the screenshot.
        webdriver.ActionChains(driver).send_keys(Keys.ESCAPE).perform()
        time.sleep(1)
    driver.save_screenshot(screenshot)
    token = driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        fetch('/api/2.0/mlflow/users/access-token', {method: 'PATCH', headers: {'Content-Type': 'application/json'},
              body: JSON.stringify({})})
          .then(r => r.json().then(body => done({status: r.status, body: body})))
          .catch(e => done({status: 0, body: String(e)}));
    """)
    session = driver.get_cookie("session")
    print(json.dumps({"seen": seen, "login_seconds": round(login_seconds, 2), "token": token,
                      "session": session["value"] if session else None}))
except Exception:
    # What the browser had in front of it, for the test's failure message.
    driver.save_screenshot(screenshot)
    print(json.dumps({"seen": seen, "failed_at": driver.current_url, "page": driver.page_source[:3000]}))
    raise
finally:
    driver.quit()
