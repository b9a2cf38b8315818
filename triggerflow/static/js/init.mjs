// Progressive enhancement for GOV.UK components; the service works without it.
import { initAll } from "../govuk/govuk-frontend.min.js";

initAll();
