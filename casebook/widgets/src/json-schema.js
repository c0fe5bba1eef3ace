// A JSON Schema validator for the subset of keywords the answer-file schema uses
// (casebook/answers.schema.json). Python checks the same files with jsonschema;
// tests/conformance/answer-format.json holds both to the same verdicts.

/** The keywords this validator understands; a test fails if the schema uses another. */
export const SUPPORTED_KEYWORDS = [
  "$schema", "$id", "$ref", "$defs", "title", "description", "type", "const", "enum",
  "pattern", "maxLength", "minimum", "maximum", "items", "maxItems", "required",
  "properties", "additionalProperties", "propertyNames", "maxProperties", "allOf", "if", "then",
];

export function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function sameJSON(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

function hasType(value, type) {
  switch (type) {
    case "object": return isObject(value);
    case "array": return Array.isArray(value);
    case "string": return typeof value === "string";
    case "integer": return Number.isInteger(value);
    case "number": return typeof value === "number" && Number.isFinite(value);
    case "boolean": return typeof value === "boolean";
    case "null": return value === null;
    default: return false;
  }
}

/** Where in the file, as the messages say it ("answers → ch6 → state"). */
export function where(path) {
  return path.length ? path.join(" → ") : "the file";
}

/** The first way `value` breaks `schema`, as a sentence, or null if it conforms. */
export function schemaError(schema, value, root = schema, path = []) {
  if (schema.$ref) {
    const target = schema.$ref.replace(/^#\//, "").split("/").reduce((node, part) => node[part], root);
    const error = schemaError(target, value, root, path);
    if (error) return error;
  }
  if ("const" in schema && !sameJSON(value, schema.const)) return `at ${where(path)}, ${JSON.stringify(value)} should be ${JSON.stringify(schema.const)}`;
  if (schema.enum && !schema.enum.some((option) => sameJSON(option, value))) {
    return `at ${where(path)}, ${JSON.stringify(value)} is not one of ${schema.enum.map((o) => JSON.stringify(o)).join(", ")}`;
  }
  if (schema.type && !hasType(value, schema.type)) return `at ${where(path)}, ${JSON.stringify(value)} is not of type '${schema.type}'`;
  if (typeof value === "string") {
    if (schema.maxLength !== undefined && [...value].length > schema.maxLength) return `at ${where(path)}, the text is longer than ${schema.maxLength} characters`;
    if (schema.pattern && !new RegExp(schema.pattern, "u").test(value)) {
      const expected = (schema.description || "another form").replace(/\.$/, "");
      return `at ${where(path)}, ${JSON.stringify(value)} is not valid here (expected: ${expected})`;
    }
  }
  if (typeof value === "number") {
    if (schema.minimum !== undefined && value < schema.minimum) return `at ${where(path)}, ${value} is less than the minimum of ${schema.minimum}`;
    if (schema.maximum !== undefined && value > schema.maximum) return `at ${where(path)}, ${value} is greater than the maximum of ${schema.maximum}`;
  }
  if (Array.isArray(value)) {
    if (schema.maxItems !== undefined && value.length > schema.maxItems) return `at ${where(path)}, the list has more than ${schema.maxItems} items`;
    if (schema.items) {
      for (const [index, item] of value.entries()) {
        const error = schemaError(schema.items, item, root, [...path, index]);
        if (error) return error;
      }
    }
  }
  if (isObject(value)) {
    const keys = Object.keys(value);
    for (const name of schema.required || []) {
      if (!Object.hasOwn(value, name)) return `at ${where(path)}, '${name}' is a required property`;
    }
    if (schema.maxProperties !== undefined && keys.length > schema.maxProperties) return `at ${where(path)}, there are more than ${schema.maxProperties} entries`;
    for (const key of keys) {
      if (schema.propertyNames) {
        const error = schemaError(schema.propertyNames, key, root, path);
        if (error) return error;
      }
      const properties = schema.properties || {};
      if (Object.hasOwn(properties, key)) {
        const error = schemaError(properties[key], value[key], root, [...path, key]);
        if (error) return error;
      } else if (schema.additionalProperties === false) {
        return `at ${where(path)}, '${key}' was unexpected`;
      } else if (isObject(schema.additionalProperties)) {
        const error = schemaError(schema.additionalProperties, value[key], root, [...path, key]);
        if (error) return error;
      }
    }
  }
  for (const part of schema.allOf || []) {
    const error = schemaError(part, value, root, path);
    if (error) return error;
  }
  if (schema.if && schema.then && schemaError(schema.if, value, root, path) === null) {
    const error = schemaError(schema.then, value, root, path);
    if (error) return error;
  }
  return null;
}
