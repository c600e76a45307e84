import { describe, expect, it } from "vitest";
import { mappingPath, readApiCall, renderTestRequest, requestVariables, suggestVariableName } from "./apiRequestPreview";

describe("renderTestRequest", () => {
  const call = readApiCall({
    method: "POST",
    url: "{{base}}/orders/{{orderNumber}}?q={{query}}",
    headers: [{ name: "Authorization", value: "Bearer {{secrets.TOKEN}}" }, { name: "X-Lang", value: "{{lang}}" }],
    body: '{"order":"{{orderNumber}}","count":"{{count}}","note":"for {{name}}"}',
    responseMappings: [{ variable: "status", path: "status" }, { bad: true }],
  });

  it("renders like the engine: encoded URL values, typed whole placeholders, secrets kept", () => {
    const result = renderTestRequest(call, { base: "https://shop.example", orderNumber: "A/1", query: "a b", count: 3, name: "陳", lang: "zh-HK" });
    expect(result).toEqual({
      ok: true,
      request: {
        method: "POST",
        url: "https://shop.example/orders/A%2F1?q=a%20b",
        headers: { Authorization: "Bearer {{secrets.TOKEN}}", "X-Lang": "zh-HK", "Content-Type": "application/json" },
        body: '{"order":"A/1","count":3,"note":"for 陳"}',
      },
    });
    expect(call.responseMappings).toEqual([{ variable: "status", path: "status" }]);
  });

  it("reports a body that is not JSON and lists referenced variables", () => {
    expect(renderTestRequest({ ...call, body: "{nope" }, {})).toMatchObject({ ok: false });
    expect(requestVariables(call)).toEqual(["base", "orderNumber", "query", "lang", "count", "name"]);
  });
});

describe("mapping paths", () => {
  it("uses dot paths when it can and JSONPath when keys need quoting", () => {
    expect(mappingPath(["order", "items", 0, "name"])).toBe("order.items[0].name");
    expect(mappingPath(["order", "delivery date"])).toBe('$["order"]["delivery date"]');
    expect(mappingPath([0, "id"])).toBe('$[0]["id"]');
  });
  it("suggests unique camelCase variable names", () => {
    expect(suggestVariableName(["order", "delivery_date"], [])).toBe("deliveryDate");
    expect(suggestVariableName(["status"], ["status"])).toBe("status2");
    expect(suggestVariableName([0], [])).toBe("value");
    expect(suggestVariableName(["1st"], [])).toBe("field_1st");
  });
});
