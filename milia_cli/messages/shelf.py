"""Messages of the shelf: the person's own products (`milia shelf …`, the `[[shelf]]` tables of a
profile, the plan's product notices). Never "milia" as the subject: the tool and the condition
share a name."""

from milia_cli.messages import coded

# -- the profile file: one sentence naming the file and the key ------------------------------
NOT_A_LIST = ("{file}: key 'shelf' must be a list of products, each a [[shelf]] table "
              "(name, step, inci, percent), not {value}.")
TOO_MANY = "{file}: key 'shelf' holds {count} products; a shelf holds at most {limit}."
ENTRY_NOT_A_TABLE = "{file}: key '{key}' must be a table with name, step and inci, not {value}."
UNKNOWN_KEY = "{file}: unknown key '{key}'; allowed here: {allowed}."
MISSING = "{file}: required key '{key}' is missing; allowed: {allowed}."
BAD_VALUE = "{file}: key '{key}' is {value}; allowed: {allowed}."
BAD_VALUE_HINT = "{file}: key '{key}' is {value} (did you mean {choice!r}?); allowed: {allowed}."
DUPLICATE_NAME = ("{file}: key '{key}' is {value}, the name of {other} too; give each product its own name "
                  "(names are compared without case).")
BAD_LABEL = "{file}: key '{key}' ({name!r}): {detail}"
BAD_PERCENT = "{file}: key '{key}' ({name!r}): {detail}"
ALLOWED_NAME = "a product name of 1 to 80 characters, no control characters"
ALLOWED_STEP = "a step: {steps} (am:/pm: before it for one routine only)"
ALLOWED_INCI = "the ingredient list as printed on the product"
ALLOWED_PERCENT = "a table of ingredient = strength in percent, e.g. percent = {{ glycolic = 30 }}"

# -- `milia shelf …` -------------------------------------------------------------------------
NO_INPUT = "Give the ingredient list: --inci \"Aqua, Glycerin, …\", --inci-file F, or --inci-file - for standard input."
TWO_INPUTS = "Give the ingredient list once: --inci or --inci-file, not both."
BAD_STEP = "--step {value!r} is not a step (did you mean {choice!r}?); use one of {allowed}."
BAD_STEP_NO_HINT = "--step {value!r} is not a step; use one of {allowed} (am:/pm: before it for one routine only)."
BAD_NAME = "The product name {value!r} is not usable: {allowed}."
EXISTS = ("A product named {name!r} is already on the shelf of {profile} (step {step}); "
          "use --replace to replace it, or give this one another name.")
NOT_ON_SHELF = "No product named {name!r} on the shelf of {profile}{hint}."
NOT_ON_SHELF_HINT = " (did you mean {choice!r}?)"
NOT_ON_SHELF_LIST = "; on it: {names}"
ADDED = "Added {name!r} to the shelf of {profile} for {step} ({path})."
REPLACED = "Replaced {name!r} on the shelf of {profile}, now for {step} ({path})."
REMOVED = "Removed {name!r} from the shelf of {profile} ({path})."
EMPTY_SHELF = "The shelf of {profile} is empty; add a product with `milia shelf add NAME --step STEP --inci \"…\"`."
ADD_STOPPED_NOW = "Not used in the plan for this profile now: {rule} — {text}"
ADD_CAUTION_NOW = "Used in the plan, with care: {rule} — {text}"
ADD_USED = "The plan names it for {step} from now on."
LIST_USED = "used"
LIST_USED_CALM = "used, not on the retinol or acid evenings: C4"
LIST_NOT_USED = "not used: {rule}"
SHOW_STEP = "Step: {step}"
SHOW_INCI = "Ingredients: {inci}"
SHOW_PERCENT = "Strengths: {given}"
SHOW_STOPPED = "Stopped: {rule} — {text}"
SHOW_CAUTION = "Mind: {rule} — {text}"
SHOW_VERDICT_STOP = "Not used in the plan for this profile today."
SHOW_VERDICT_OK = "Used in the plan for this profile today."

# -- the plan ----------------------------------------------------------------------------------
NOTICE_REFUSED = "Your product {name!r} ({step}) is not used{when}: {text}"
NOTICE_CAUTION = "Your product {name!r} ({step}){when}: {text}"
NOTICE_PEEL = ("{what} at {strength:g} %: a peel, stronger than the home limit ({limit}); not for a beginner's "
               "titration, so the plan does not schedule it.")
WHEN_FROM = " from {first}"
WHEN_UNTIL = " through {last}"
WHEN_BETWEEN = " from {first} to {last}"

# -- `profile set`: what to put away ------------------------------------------------------------
PUT_AWAY = "Put away {name!r} ({step}): {rule} — {text}"
BACK_IN_USE = "{name!r} ({step}) is back in the plan: no rule stops it now."

# -- the outputs ---------------------------------------------------------------------------------
USE_LINE = "{step}: {name}{when}"
PLAN_PRODUCTS = "Your products:"
STEP_PRODUCT = " — {product}"
USE_PRODUCT = "Use: {product}."
HANDOUT_OWN = "Your product"


coded(globals(), "shelf")
