package dev.weft.server.api.workflows;

import java.util.List;

/** One page of a list: the items, and the cursor of the next page (null on the last page). */
record Page<T>(List<T> items, String next) {}
