/* The API docs page (/docs): Swagger UI from the app's own files, reading /openapi.json.
 * validatorUrl null: no badge fetched from the online validator. */
window.addEventListener("DOMContentLoaded", function () {
  window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui",
    deepLinking: true, validatorUrl: null, tryItOutEnabled: true });
});
