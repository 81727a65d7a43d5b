package dev.weft.server.runtime;

import dev.weft.workflow.read.WorkflowValidationException;

/**
 * What a document takes from elsewhere, fetched when its definition is stored and written into
 * it: first the functions of external catalogs ({@link CatalogFunctions}), since a function may
 * hold scripts and schema resources, then the code of scripts given by {@code source}
 * ({@link ExternalScripts}), then the external schemas ({@link ExternalSchemas}). Each keeps what
 * it fetched per URI for the life of this object.
 */
public final class ExternalResources {
  private final CatalogFunctions functions;
  private final ExternalScripts scripts;
  private final ExternalSchemas schemas;

  ExternalResources(HttpCaller http) {
    ResourceReader reader = new ResourceReader(http);
    this.functions = new CatalogFunctions(reader);
    this.scripts = new ExternalScripts(reader);
    this.schemas = new ExternalSchemas(reader);
  }

  /**
   * The text itself when it takes nothing from elsewhere; else the document to store, with its
   * catalog functions, external scripts and external schemas written in.
   *
   * @throws WorkflowValidationException when the document is invalid or something cannot be fetched or used;
   *     a problem inside a catalog function is put at the author's call
   */
  public String resolve(String text) {
    CatalogFunctions.Resolved withFunctions = functions.resolve(text);
    try {
      ExternalScripts.Resolved withScripts = scripts.resolve(withFunctions.text(), withFunctions.document());
      return schemas.resolve(withScripts.text(), withScripts.document());
    } catch (WorkflowValidationException e) {
      if (withFunctions.functions().isEmpty()) {
        throw e;
      }
      throw new WorkflowValidationException(withFunctions.authored(text, e.problems()));
    }
  }
}
