/**
 * A problem set as an IMS QTI 1.2 content package, the form Canvas imports as Classic Quizzes
 * ("Import Course Content" → "QTI .zip file"): imsmanifest.xml lists one assessment per exercise
 * (each becomes a quiz and a question bank); each seed is an item — numerical_question,
 * multiple_choice_question or short_answer_question — with its key in resprocessing, the worked
 * solution as general feedback, and exercise, seed and version in its metadata.
 */
import { acceptedAnswers } from './lms-accepted-answers.ts';
import { problemHtml, xmlText } from './xml-text.ts';
import { zipArchive } from './zip-archive.ts';
import type { ZipEntry } from './zip-archive.ts';
import { problemsByExercise } from './problems-by-exercise.ts';
import { questionName } from './problem-set-export.ts';
import type { Problem } from './exercise.ts';

const QTI_TYPE = { number: 'numerical_question', choice: 'multiple_choice_question', list: 'short_answer_question', set: 'short_answer_question', text: 'short_answer_question' } as const;

const field = (label: string, entry: string) => `<qtimetadatafield><fieldlabel>${xmlText(label)}</fieldlabel><fieldentry>${xmlText(entry)}</fieldentry></qtimetadatafield>`;
const pre = (s: string) => `<pre>${s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</pre>`;

/** An identifier QTI accepts (an XML NCName). */
function qtiIdent(...parts: (string | number)[]): string {
  return `hov_${parts.join('_').replace(/[^A-Za-z0-9_.-]/g, '_')}`;
}

function item(p: Problem): string {
  const ident = qtiIdent(p.exercise, 's', p.seed, 'v', p.version);
  const question = problemHtml(`${p.prompt}\n${p.answerFormat}`, p.figure, p.answerKind === 'choice' ? undefined : p.choices);
  let response: string;
  let conditions: string;
  if (p.answerKind === 'choice') {
    response = `<response_lid ident="response1" rcardinality="Single"><render_choice>${(p.choices ?? [])
      .map((c) => `<response_label ident="${qtiIdent(c.key)}"><material><mattext texttype="text/plain">${xmlText(`${c.key}. ${c.label}`)}</mattext></material></response_label>`)
      .join('')}</render_choice></response_lid>`;
    conditions = `<varequal respident="response1">${qtiIdent(p.answer)}</varequal>`;
  } else if (p.answerKind === 'number') {
    response = '<response_str ident="response1" rcardinality="Single"><render_fib fibtype="Decimal"><response_label ident="answer1"/></render_fib></response_str>';
    conditions = `<or><varequal respident="response1">${xmlText(p.answer)}</varequal><and><vargte respident="response1">${xmlText(p.answer)}</vargte><varlte respident="response1">${xmlText(p.answer)}</varlte></and></or>`;
  } else {
    response = '<response_str ident="response1" rcardinality="Single"><render_fib><response_label ident="answer1" rshuffle="No"/></render_fib></response_str>';
    conditions = acceptedAnswers(p).map((a) => `<varequal respident="response1">${xmlText(a)}</varequal>`).join('');
  }
  return [
    `<item ident="${ident}" title="${xmlText(questionName(p))}">`,
    `<itemmetadata><qtimetadata>${field('question_type', QTI_TYPE[p.answerKind])}${field('points_possible', '1.0')}${field('hov_exercise', p.exercise)}${field('hov_seed', String(p.seed))}${field('hov_version', String(p.version))}</qtimetadata></itemmetadata>`,
    `<presentation><material><mattext texttype="text/html">${xmlText(question)}</mattext></material>${response}</presentation>`,
    '<resprocessing><outcomes><decvar maxvalue="100" minvalue="0" varname="SCORE" vartype="Decimal"/></outcomes>',
    '<respcondition continue="Yes"><conditionvar><other/></conditionvar><displayfeedback feedbacktype="Response" linkrefid="general_fb"/></respcondition>',
    `<respcondition continue="No"><conditionvar>${conditions}</conditionvar><setvar action="Set" varname="SCORE">100</setvar></respcondition>`,
    '</resprocessing>',
    `<itemfeedback ident="general_fb"><flow_mat><material><mattext texttype="text/html">${xmlText(pre(p.explanation))}</mattext></material></flow_mat></itemfeedback>`,
    '</item>',
  ].join('\n');
}

/** The package's files: the manifest and one assessment per exercise. */
export function problemSetToQtiFiles(problems: readonly Problem[], options: { title: string }): ZipEntry[] {
  const byExercise = problemsByExercise(problems);
  const files: ZipEntry[] = [];
  const resources: string[] = [];
  for (const [exercise, set] of byExercise) {
    const ident = qtiIdent(exercise);
    const path = `${ident}/${ident}.xml`;
    files.push({
      path,
      text: [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<questestinterop xmlns="http://www.imsglobal.org/xsd/ims_qtiasiv1p2" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.imsglobal.org/xsd/ims_qtiasiv1p2 http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd">',
        `<assessment ident="${ident}" title="${xmlText(`${options.title}: ${set[0]!.title}`)}">`,
        `<qtimetadata>${field('cc_maxattempts', '1')}</qtimetadata>`,
        '<section ident="root_section">',
        ...set.map(item),
        '</section>',
        '</assessment>',
        '</questestinterop>',
        '',
      ].join('\n'),
    });
    resources.push(`<resource identifier="${ident}_resource" type="imsqti_xmlv1p2"><file href="${path}"/></resource>`);
  }
  files.unshift({
    path: 'imsmanifest.xml',
    text: [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<manifest identifier="${qtiIdent('manifest')}" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:imsmd="http://www.imsglobal.org/xsd/imsmd_v1p2">`,
      '<metadata><schema>IMS Content</schema><schemaversion>1.1.3</schemaversion>',
      `<imsmd:lom><imsmd:general><imsmd:title><imsmd:string>${xmlText(options.title)}</imsmd:string></imsmd:title></imsmd:general></imsmd:lom></metadata>`,
      '<organizations/>',
      `<resources>${resources.join('')}</resources>`,
      '</manifest>',
      '',
    ].join('\n'),
  });
  return files;
}

/** The package as a .zip. */
export function problemSetToQtiPackage(problems: readonly Problem[], options: { title: string }): Uint8Array {
  return zipArchive(problemSetToQtiFiles(problems, options));
}
