// Starts Swagger UI from a file rather than an inline script, so a strict Content-Security-Policy
// (script-src 'self') does not break the docs page.
window.ui = window.SwaggerUIBundle({
  url: '/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  // The default validator badge calls validator.swagger.io, which is unreachable offline.
  validatorUrl: null,
});
