// The exceptions to generated inspector forms: node types whose inspector
// needs more than their schema gives. Shown below the generated form.
import type { ComponentType } from "react";
import { ApiTestRequest } from "../testChat/ApiTestRequest";

export const inspectorExtras: Partial<Record<string, ComponentType<{ nodeId: string }>>> = {
  apiCall: ApiTestRequest,
};
