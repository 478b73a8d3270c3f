// The workspace's one script (docs/workspace.md): GOV.UK Frontend's components, and the CSRF token on htmx's
// requests. Loaded as a module by templates/workspace/layout.html; the pages work without it.
import { initAll } from '/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js'

document.body.classList.add('js-enabled')
if ('noModule' in HTMLScriptElement.prototype) {
  document.body.classList.add('govuk-frontend-supported')
}
initAll()

const csrfHeader = document.querySelector('meta[name="csrf-header"]')
const csrfToken = document.querySelector('meta[name="csrf-token"]')
document.body.addEventListener('htmx:configRequest', (event) => {
  if (csrfHeader && csrfToken) {
    event.detail.headers[csrfHeader.content] = csrfToken.content
  }
})
