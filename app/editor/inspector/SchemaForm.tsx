"use client";

// A form generated from a JSON Schema (made from a node's zod data schema).
// Widgets come from `.meta({ widget })`: template, lines, expression, json,
// variable, code. Arrays of objects get add / remove / reorder rows; new
// items with an `id` (outputs attach to it) get a fresh unique id.
import { ArrowDown, ArrowUp, Plus, Trash2 } from "lucide-react";
import { createContext, memo, useContext, useEffect, useId, useRef, useState, type ReactNode } from "react";
import { IconButton } from "@/app/_components/Button";
import { MonacoField } from "../monaco/MonacoField";
import {
  defaultValueFor,
  discriminatorOf,
  humanize,
  newListItem,
  singular,
  typeOf,
  unwrapNullable,
  type JsonSchema,
} from "./jsonSchema";

type Path = (string | number)[];

interface FormContextValue {
  errors: Map<string, string[]>;
  variables: string[];
  /** `discrete` changes (add/remove/reorder, toggles) are their own undo step; typing coalesces. */
  onChange(path: Path, value: unknown, discrete?: boolean): void;
}

const FormContext = createContext<FormContextValue>({ errors: new Map(), variables: [], onChange: () => {} });

export interface SchemaFormProps {
  schema: JsonSchema;
  value: Record<string, unknown>;
  /** Called with the path that changed and its new value. */
  onChange(path: Path, value: unknown, discrete?: boolean): void;
  errors: Map<string, string[]>;
  variables: string[];
  /** Property names not to render (handled elsewhere). */
  hide?: string[];
}

/** Renders every property of an object schema as a field. */
export function SchemaForm({ schema, value, onChange, errors, variables, hide = [] }: SchemaFormProps) {
  const properties = Object.entries(schema.properties ?? {}).filter(([key]) => !hide.includes(key));
  return (
    <FormContext.Provider value={{ errors, variables, onChange }}>
      <div className="space-y-4">
        {properties.map(([key, property]) => (
          <SchemaField
            key={key}
            name={key}
            schema={property}
            value={value[key]}
            path={[key]}
            required={schema.required?.includes(key) ?? false}
          />
        ))}
        {properties.length === 0 ? <p className="text-xs text-slate-500">This node has no settings.</p> : null}
      </div>
    </FormContext.Provider>
  );
}

interface FieldProps {
  name: string;
  schema: JsonSchema;
  value: unknown;
  path: Path;
  required: boolean;
  /** Hide the label (list items of scalars). */
  bare?: boolean;
}

const SchemaField = memo(function SchemaField({ name, schema: rawSchema, value, path, required, bare }: FieldProps) {
  const { errors, onChange } = useContext(FormContext);
  const { schema } = unwrapNullable(rawSchema);
  const id = useId();
  const label = schema.title ?? humanize(name);
  const pathKey = path.join(".");
  const fieldErrors = errors.get(pathKey) ?? [];
  const set = (next: unknown) => onChange(path, next);
  const setDiscrete = (next: unknown) => onChange(path, next, true);
  const type = typeOf(schema);
  const discriminator = discriminatorOf(schema);

  let control: ReactNode;
  let wrapInLabel = true;

  if (discriminator) {
    wrapInLabel = false;
    control = <UnionField id={id} label={label} schema={schema} discriminator={discriminator} value={value} path={path} />;
  } else if (schema.widget === "lines" || (type === "array" && schema.items && typeOf(schema.items) === "string" && !schema.items.enum)) {
    control = <LinesField id={id} value={Array.isArray(value) ? value : []} onChange={set} invalid={fieldErrors.length > 0} />;
  } else if (schema.widget === "json" || schema.widget === "code") {
    const isString = type === "string";
    control = (
      <CodeField
        id={id}
        label={label}
        language={schema.widget === "json" ? "json" : "plaintext"}
        value={value}
        asString={isString}
        onChange={set}
      />
    );
  } else if (schema.enum || (schema.anyOf ?? schema.oneOf)?.every((v) => v.const !== undefined)) {
    const options = schema.enum ?? (schema.anyOf ?? schema.oneOf)!.map((v) => v.const);
    control = (
      <select
        id={id}
        value={String(value ?? "")}
        onChange={(e) => setDiscrete(options.find((o) => String(o) === e.target.value))}
        className={inputClass(fieldErrors.length > 0)}
      >
        {value === undefined ? <option value="">Choose…</option> : null}
        {options.map((option) => (
          <option key={String(option)} value={String(option)}>
            {optionLabel(option)}
          </option>
        ))}
      </select>
    );
  } else if (type === "boolean") {
    return (
      <div data-field={pathKey}>
        <label htmlFor={id} className="flex cursor-pointer items-start gap-2">
          <input
            id={id}
            type="checkbox"
            checked={Boolean(value)}
            onChange={(e) => setDiscrete(e.target.checked)}
            className="mt-0.5 h-4 w-4 rounded border-slate-300 accent-accent-600"
          />
          <span>
            <span className="block text-xs font-medium text-slate-700">{label}</span>
            {schema.description ? <span className="block text-[11px] leading-snug text-slate-500">{schema.description}</span> : null}
          </span>
        </label>
        <FieldErrors messages={fieldErrors} />
      </div>
    );
  } else if (type === "number" || type === "integer") {
    control = (
      <NumberField id={id} schema={schema} value={value} required={required} onChange={set} invalid={fieldErrors.length > 0} />
    );
  } else if (type === "string") {
    control = <StringField id={id} schema={schema} value={typeof value === "string" ? value : ""} onChange={set} invalid={fieldErrors.length > 0} />;
  } else if (type === "array" && schema.items) {
    wrapInLabel = false;
    control = <ArrayField id={id} label={label} name={name} schema={schema} value={Array.isArray(value) ? value : []} path={path} />;
  } else if (type === "object" && schema.properties) {
    wrapInLabel = false;
    const record = value && typeof value === "object" ? (value as Record<string, unknown>) : {};
    control = (
      <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-xs font-semibold text-slate-700">{label}</legend>
        {schema.description ? <p className="-mt-1 text-[11px] leading-snug text-slate-500">{schema.description}</p> : null}
        {Object.entries(schema.properties).map(([key, property]) => (
          <SchemaField
            key={key}
            name={key}
            schema={property}
            value={record[key]}
            path={[...path, key]}
            required={schema.required?.includes(key) ?? false}
          />
        ))}
      </fieldset>
    );
  } else if (type === "object" && schema.additionalProperties && typeof schema.additionalProperties === "object" && typeOf(schema.additionalProperties) === "string") {
    wrapInLabel = false;
    control = <KeyValueField label={label} value={value} onChange={set} />;
  } else {
    control = <CodeField id={id} label={label} language="json" value={value} asString={false} onChange={set} />;
  }

  if (!wrapInLabel) {
    return (
      <div data-field={pathKey}>
        {control}
        <FieldErrors messages={fieldErrors} />
      </div>
    );
  }
  return (
    <div data-field={pathKey}>
      {bare ? null : (
        <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-700">
          {label}
          {required || rawSchema.default !== undefined || schema.default !== undefined ? null : <span className="ml-1 font-normal text-slate-400">optional</span>}
        </label>
      )}
      {control}
      {schema.description && !bare ? <p className="mt-1 text-[11px] leading-snug text-slate-500">{schema.description}</p> : null}
      <FieldErrors messages={fieldErrors} />
    </div>
  );
});

function FieldErrors({ messages }: { messages: string[] }) {
  if (!messages.length) return null;
  return (
    <ul className="mt-1 space-y-0.5" role="alert">
      {messages.map((message) => (
        <li key={message} className="text-[11px] font-medium text-red-600">
          {message}
        </li>
      ))}
    </ul>
  );
}

function inputClass(invalid: boolean, extra = ""): string {
  return `w-full rounded-md border bg-white px-2 py-1.5 text-[13px] text-slate-900 shadow-xs focus:outline-none focus:ring-2 ${
    invalid ? "border-red-400 focus:ring-red-200" : "border-slate-300 focus:border-accent-500 focus:ring-accent-100"
  } ${extra}`;
}

function StringField({ id, schema, value, onChange, invalid }: { id: string; schema: JsonSchema; value: string; onChange(v: string): void; invalid: boolean }) {
  const { variables } = useContext(FormContext);
  const listId = `${id}-variables`;
  if (schema.widget === "template") {
    return (
      <textarea
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        rows={Math.min(8, Math.max(2, value.split("\n").length + 1))}
        className={inputClass(invalid, "field-sizing-content max-h-64 min-h-14 resize-y leading-snug")}
        placeholder="Text… use {{variable}} to insert values"
      />
    );
  }
  if (schema.widget === "variable") {
    return (
      <>
        <input
          id={id}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          list={listId}
          spellCheck={false}
          autoComplete="off"
          className={inputClass(invalid, "font-mono")}
          placeholder="variable_name"
        />
        <datalist id={listId}>
          {variables.map((v) => (
            <option key={v} value={v} />
          ))}
        </datalist>
      </>
    );
  }
  return (
    <input
      id={id}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      spellCheck={schema.widget === "expression" ? false : undefined}
      className={inputClass(invalid, schema.widget === "expression" ? "font-mono" : "")}
      placeholder={schema.widget === "expression" ? "e.g. orderTotal > 500" : undefined}
      maxLength={schema.maxLength}
    />
  );
}

function NumberField({ id, schema, value, required, onChange, invalid }: { id: string; schema: JsonSchema; value: unknown; required: boolean; onChange(v: number | undefined): void; invalid: boolean }) {
  const [text, setText] = useState(typeof value === "number" ? String(value) : "");
  // Follow outside changes (undo, JSON view) without clobbering "0." while typing.
  useEffect(() => {
    setText((current) => (Number(current) === value && current.trim() !== "" ? current : typeof value === "number" ? String(value) : ""));
  }, [value]);
  return (
    <input
      id={id}
      type="number"
      inputMode="decimal"
      value={text}
      min={schema.minimum}
      max={schema.maximum}
      step={typeOf(schema) === "integer" ? 1 : schema.maximum !== undefined && schema.maximum <= 1 ? 0.05 : "any"}
      onChange={(e) => {
        setText(e.target.value);
        if (e.target.value.trim() === "") onChange(required ? (schema.default as number | undefined) : undefined);
        else if (Number.isFinite(Number(e.target.value))) onChange(Number(e.target.value));
      }}
      className={inputClass(invalid, "w-32")}
    />
  );
}

/** string[] edited one per line; pasting many lines at once adds them all. Empty lines are dropped. */
function LinesField({ id, value, onChange, invalid }: { id: string; value: unknown[]; onChange(v: string[]): void; invalid: boolean }) {
  const lines = value.map(String);
  const [text, setText] = useState(lines.join("\n"));
  const lastSent = useRef(lines);
  useEffect(() => {
    const same = lines.length === lastSent.current.length && lines.every((line, i) => line === lastSent.current[i]);
    if (!same) {
      setText(lines.join("\n"));
      lastSent.current = lines;
    }
  }, [lines]);
  const count = lines.length;
  return (
    <div>
      <textarea
        id={id}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const next = e.target.value.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
          lastSent.current = next;
          onChange(next);
        }}
        rows={Math.min(12, Math.max(3, text.split("\n").length + 1))}
        className={inputClass(invalid, "field-sizing-content max-h-80 min-h-16 resize-y leading-snug")}
        placeholder="One per line"
      />
      <p className="mt-0.5 text-right text-[10px] text-slate-400">
        {count} {count === 1 ? "line" : "lines"}
      </p>
    </div>
  );
}

/** "json"/"code" widgets and values the form cannot otherwise edit. Uses MonacoField (the Monaco hook). */
function CodeField({ id, label, language, value, asString, onChange }: { id: string; label: string; language: "json" | "plaintext"; value: unknown; asString: boolean; onChange(v: unknown): void }) {
  const { variables } = useContext(FormContext);
  const initial = asString ? (typeof value === "string" ? value : "") : value === undefined ? "" : JSON.stringify(value, null, 2);
  const [text, setText] = useState(initial);
  const [parseError, setParseError] = useState<string | null>(null);
  const lastValue = useRef(value);
  useEffect(() => {
    if (value === lastValue.current) return;
    lastValue.current = value;
    setText(asString ? (typeof value === "string" ? value : "") : value === undefined ? "" : JSON.stringify(value, null, 2));
  }, [value, asString]);
  const handle = (next: string) => {
    setText(next);
    if (asString) {
      lastValue.current = next;
      onChange(next);
      return;
    }
    if (next.trim() === "") {
      lastValue.current = undefined;
      setParseError(null);
      onChange(undefined);
      return;
    }
    try {
      const parsed: unknown = JSON.parse(next);
      lastValue.current = parsed;
      setParseError(null);
      onChange(parsed);
    } catch (error) {
      setParseError(error instanceof Error ? error.message : "Invalid JSON");
    }
  };
  return (
    <div id={id}>
      <MonacoField value={text} onChange={handle} language={language} variables={variables} height={language === "json" ? 140 : 72} ariaLabel={label} />
      {parseError ? <p className="mt-1 text-[11px] text-red-600">Not valid JSON yet: {parseError}</p> : null}
    </div>
  );
}

function KeyValueField({ label, value, onChange }: { label: string; value: unknown; onChange(v: Record<string, string>): void }) {
  const entries = Object.entries(value && typeof value === "object" ? (value as Record<string, string>) : {});
  const update = (next: [string, string][]) => onChange(Object.fromEntries(next));
  return (
    <fieldset className="space-y-1.5">
      <legend className="mb-1 text-xs font-medium text-slate-700">{label}</legend>
      {entries.map(([key, v], index) => (
        <div key={index} className="flex gap-1.5">
          <input aria-label="Key" value={key} onChange={(e) => update(entries.map((en, i) => (i === index ? [e.target.value, en[1]] : en)))} className={inputClass(false, "font-mono")} />
          <input aria-label="Value" value={v} onChange={(e) => update(entries.map((en, i) => (i === index ? [en[0], e.target.value] : en)))} className={inputClass(false)} />
          <IconButton aria-label={`Remove ${key || "entry"}`} size="sm" onClick={() => update(entries.filter((_, i) => i !== index))}>
            <Trash2 className="h-3.5 w-3.5" />
          </IconButton>
        </div>
      ))}
      <button type="button" onClick={() => update([...entries, ["", ""]])} className="inline-flex items-center gap-1 text-xs font-medium text-accent-600 hover:text-accent-700">
        <Plus className="h-3.5 w-3.5" aria-hidden /> Add entry
      </button>
    </fieldset>
  );
}

function ArrayField({ id, label, name, schema, value, path }: { id: string; label: string; name: string; schema: JsonSchema; value: unknown[]; path: Path }) {
  const { onChange } = useContext(FormContext);
  const itemSchema = schema.items!;
  const itemType = typeOf(unwrapNullable(itemSchema).schema);
  const isObject = itemType === "object" || discriminatorOf(itemSchema) !== null;
  const noun = singular(name);
  const nounLabel = humanize(noun).toLowerCase();
  const move = (from: number, to: number) => {
    if (to < 0 || to >= value.length) return;
    const next = value.slice();
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item);
    onChange(path, next, true);
  };
  return (
    <section aria-labelledby={`${id}-label`} className="space-y-2">
      <div className="flex items-baseline justify-between gap-2">
        <h4 id={`${id}-label`} className="text-xs font-semibold text-slate-700">
          {label} <span className="font-normal text-slate-400">({value.length})</span>
        </h4>
      </div>
      {schema.description ? <p className="-mt-1 text-[11px] leading-snug text-slate-500">{schema.description}</p> : null}
      <ol className="space-y-2">
        {value.map((item, index) => (
          <li key={itemKey(item, index)} className={isObject ? "rounded-md border border-slate-200 bg-slate-50/60" : "flex items-start gap-1"}>
            {isObject ? (
              <div className="flex items-center gap-1 border-b border-slate-200 px-2 py-1">
                <span className="min-w-0 flex-1 truncate text-xs font-medium text-slate-600">{itemTitle(item, index, nounLabel)}</span>
                <RowButtons index={index} count={value.length} noun={nounLabel} onMove={move} onRemove={() => onChange(path, value.filter((_, i) => i !== index), true)} />
              </div>
            ) : null}
            <div className={isObject ? "space-y-3 p-2" : "min-w-0 flex-1"}>
              {isObject && itemSchema.properties ? (
                Object.entries(itemSchema.properties).map(([key, property]) => (
                  <SchemaField
                    key={key}
                    name={key}
                    schema={property}
                    value={item && typeof item === "object" ? (item as Record<string, unknown>)[key] : undefined}
                    path={[...path, index, key]}
                    required={itemSchema.required?.includes(key) ?? false}
                  />
                ))
              ) : (
                <SchemaField name={`${noun} ${index + 1}`} schema={itemSchema} value={item} path={[...path, index]} required bare={!isObject} />
              )}
            </div>
            {isObject ? null : <RowButtons index={index} count={value.length} noun={nounLabel} onMove={move} onRemove={() => onChange(path, value.filter((_, i) => i !== index), true)} />}
          </li>
        ))}
      </ol>
      <button
        type="button"
        onClick={() => onChange(path, [...value, newListItem(itemSchema, name, value)], true)}
        className="inline-flex items-center gap-1 rounded-md px-1 py-0.5 text-xs font-medium text-accent-600 hover:bg-accent-50 hover:text-accent-700"
      >
        <Plus className="h-3.5 w-3.5" aria-hidden /> Add {nounLabel}
      </button>
    </section>
  );
}

function RowButtons({ index, count, noun, onMove, onRemove }: { index: number; count: number; noun: string; onMove(from: number, to: number): void; onRemove(): void }) {
  return (
    <span className="flex shrink-0 items-center">
      <IconButton aria-label={`Move ${noun} ${index + 1} up`} size="sm" disabled={index === 0} onClick={() => onMove(index, index - 1)} className="!h-6 !w-6">
        <ArrowUp className="h-3.5 w-3.5" />
      </IconButton>
      <IconButton aria-label={`Move ${noun} ${index + 1} down`} size="sm" disabled={index === count - 1} onClick={() => onMove(index, index + 1)} className="!h-6 !w-6">
        <ArrowDown className="h-3.5 w-3.5" />
      </IconButton>
      <IconButton aria-label={`Remove ${noun} ${index + 1}`} size="sm" onClick={onRemove} className="!h-6 !w-6 hover:!bg-red-50 hover:!text-red-600">
        <Trash2 className="h-3.5 w-3.5" />
      </IconButton>
    </span>
  );
}

function UnionField({ id, label, schema, discriminator, value, path }: { id: string; label: string; schema: JsonSchema; discriminator: string; value: unknown; path: Path }) {
  const { onChange } = useContext(FormContext);
  const variants = (schema.oneOf ?? schema.anyOf)!;
  const record = value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  const current = variants.find((v) => v.properties![discriminator].const === record[discriminator]);
  return (
    <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-xs font-semibold text-slate-700">{label}</legend>
      {schema.description ? <p className="-mt-1 text-[11px] leading-snug text-slate-500">{schema.description}</p> : null}
      <div>
        <label htmlFor={`${id}-kind`} className="mb-1 block text-xs font-medium text-slate-700">
          {humanize(discriminator)}
        </label>
        <select
          id={`${id}-kind`}
          value={String(record[discriminator] ?? "")}
          onChange={(e) => {
            const variant = variants.find((v) => String(v.properties![discriminator].const) === e.target.value);
            if (variant) onChange(path, defaultValueFor(variant), true);
          }}
          className={inputClass(false)}
        >
          {current ? null : <option value="">Choose…</option>}
          {variants.map((variant) => {
            const constant = String(variant.properties![discriminator].const);
            return (
              <option key={constant} value={constant}>
                {variant.title ?? humanize(constant)}
              </option>
            );
          })}
        </select>
      </div>
      {current
        ? Object.entries(current.properties!)
            .filter(([key]) => key !== discriminator)
            .map(([key, property]) => (
              <SchemaField key={key} name={key} schema={property} value={record[key]} path={[...path, key]} required={current.required?.includes(key) ?? false} />
            ))
        : null}
    </fieldset>
  );
}

function optionLabel(option: unknown): string {
  return humanizeLoose(String(option));
}

/** "resolved" -> "Resolved", "not_found" -> "Not found"; ALLCAPS values (GET, POST) stay as they are. */
function humanizeLoose(text: string): string {
  return /^[A-Z0-9_]+$/.test(text) ? text : humanize(text);
}

function itemKey(item: unknown, index: number): string {
  if (item && typeof item === "object" && typeof (item as { id?: unknown }).id === "string") return `id:${(item as { id: string }).id}`;
  return `i:${index}`;
}

function itemTitle(item: unknown, index: number, noun: string): string {
  if (item && typeof item === "object") {
    const record = item as Record<string, unknown>;
    for (const key of ["name", "label", "title", "value", "variable", "key"]) {
      if (typeof record[key] === "string" && record[key]) return `${index + 1}. ${record[key] as string}`;
    }
  }
  return `${humanize(noun)} ${index + 1}`;
}
