// Programs (issue 3): programs and their lifecycle, attachments, classes and groups, enrolment, and the
// instructor and venue registries — request/response schemas and audit actions of the programs module.
import { z } from 'zod';
import { classRoleSchema, programStatusSchema, programTypeSchema, rankSchema, sessionTypeSchema } from '../domain.ts';
import { isoDateSchema, pageQuerySchema } from './common.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const positiveId = z.coerce.number().int().positive();

// ---------------------------------------------------------------- programs

/** Curriculum targets the timetable is measured against (shares are 0..1, hours ≥ 0). */
export const programTargetsSchema = z.object({
  onsiteShareMin: z.number().min(0).max(1).nullable().optional(),
  seminarHoursMin: z.number().min(0).max(10_000).nullable().optional(),
  minimums: z
    .array(z.object({ sessionType: sessionTypeSchema, hoursMin: z.number().min(0).max(10_000) }))
    .max(20)
    .default([]),
});
export type ProgramTargets = z.infer<typeof programTargetsSchema>;

const programFields = {
  name: text(200),
  type: programTypeSchema,
  themes: z.array(text(100)).max(20).default([]),
  organizerOrgId: z.number().int().positive(),
  partner: optionalText(200),
  startDate: isoDateSchema,
  endDate: isoDateSchema,
  places: z.array(text(100)).max(20).default([]),
  budgetYuan: z.number().min(0).max(1e12).nullable().optional(),
  targets: programTargetsSchema.default({ minimums: [] }),
  description: optionalText(5000),
};

const endNotBeforeStart = (v: { startDate?: string; endDate?: string }) => !v.startDate || !v.endDate || v.endDate >= v.startDate;
const END_MESSAGE = { message: '结束日期不能早于开始日期', path: ['endDate'] };

export const programInputSchema = z.object(programFields).refine(endNotBeforeStart, END_MESSAGE);
export type ProgramInput = z.infer<typeof programInputSchema>;
/** A patch; the service checks the dates again against the stored ones. */
export const programPatchSchema = z
  .object({
    name: programFields.name.optional(),
    type: programFields.type.optional(),
    themes: z.array(text(100)).max(20).optional(),
    organizerOrgId: programFields.organizerOrgId.optional(),
    partner: programFields.partner,
    startDate: isoDateSchema.optional(),
    endDate: isoDateSchema.optional(),
    places: z.array(text(100)).max(20).optional(),
    budgetYuan: programFields.budgetYuan,
    targets: programTargetsSchema.optional(),
    description: programFields.description,
  })
  .refine(endNotBeforeStart, END_MESSAGE);
export type ProgramPatch = z.infer<typeof programPatchSchema>;

export const listProgramsQuerySchema = pageQuerySchema.extend({
  type: programTypeSchema.optional(),
  status: programStatusSchema.optional(),
  /** Programs running at any time in this calendar year. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** Programs organized by this node or any node below it. */
  orgId: positiveId.optional(),
  q: z.string().trim().max(100).optional(),
});
export type ListProgramsQuery = z.infer<typeof listProgramsQuerySchema>;

export const programSummarySchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  type: programTypeSchema,
  status: programStatusSchema,
  themes: z.array(z.string()),
  organizer: z.object({ id: z.number().int(), name: z.string() }),
  partner: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string(),
  places: z.array(z.string()),
  classCount: z.number().int(),
  traineeCount: z.number().int(),
});
export type ProgramSummary = z.infer<typeof programSummarySchema>;

export const programDetailSchema = programSummarySchema.extend({
  budgetYuan: z.number().nullable(),
  targets: programTargetsSchema,
  description: z.string().nullable(),
  sessionCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProgramDetail = z.infer<typeof programDetailSchema>;

/** Lifecycle move: one step forward, or one step back with a reason. */
export const programStatusChangeSchema = z.object({ status: programStatusSchema, reason: z.string().trim().max(500).optional() });
export type ProgramStatusChange = z.infer<typeof programStatusChangeSchema>;

export const programIdParamSchema = z.object({ id: positiveId });

// ---------------------------------------------------------------- attachments (管理制度)

export const ATTACHMENT_EXTENSIONS = ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'jpg', 'jpeg', 'png'] as const;
export const ATTACHMENT_KINDS = ['rules', 'other'] as const;
export const attachmentSchema = z.object({
  id: z.number().int(),
  kind: z.enum(ATTACHMENT_KINDS),
  fileName: z.string(),
  sizeBytes: z.number().int(),
  mime: z.string(),
  uploadedBy: z.string().nullable(),
  createdAt: z.string(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

// ---------------------------------------------------------------- classes and groups

export const classInputSchema = z.object({
  name: text(100),
  theme: optionalText(200),
  place: optionalText(200),
  capacity: z.number().int().min(1).max(10_000),
  /** Tutor (带班) from the instructor registry. */
  tutorInstructorId: z.number().int().positive().nullable().optional(),
  /** Tutor accounts (role tutor, in the caller's scope) who take roll call and decide leave for this class. */
  tutorUserIds: z.array(z.number().int().positive()).max(20).default([]),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
  /** Tags matched against cadre specialties when forming classes (分班建组, issue 4). */
  themeTags: z.array(text(40)).max(30).default([]),
  /** Grassroots floor of the class in [0, 1] (e.g. 0.5 = at least half grassroots cadres). */
  minGrassrootsShare: z.number().min(0).max(1).default(0),
});
export type ClassInput = z.infer<typeof classInputSchema>;
export const classPatchSchema = z.object({
  name: text(100).optional(),
  theme: optionalText(200),
  place: optionalText(200),
  capacity: z.number().int().min(1).max(10_000).optional(),
  tutorInstructorId: z.number().int().positive().nullable().optional(),
  tutorUserIds: z.array(z.number().int().positive()).max(20).optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
  themeTags: z.array(text(40)).max(30).optional(),
  minGrassrootsShare: z.number().min(0).max(1).optional(),
});
export type ClassPatch = z.infer<typeof classPatchSchema>;

export const groupInputSchema = z.object({ classId: z.number().int().positive(), name: text(100), sortOrder: z.number().int().min(0).max(10_000).optional() });
export type GroupInput = z.infer<typeof groupInputSchema>;
export const groupPatchSchema = z.object({ name: text(100).optional(), sortOrder: z.number().int().min(0).max(10_000).optional() });
export type GroupPatch = z.infer<typeof groupPatchSchema>;

const personRef = z.object({ id: z.number().int(), name: z.string() });

export const classGroupSchema = z.object({
  id: z.number().int(),
  classId: z.number().int(),
  name: z.string(),
  sortOrder: z.number().int(),
  memberCount: z.number().int(),
  /** The enrolment holding the group_leader role, if any. */
  leader: z.object({ enrolmentId: z.number().int(), cadreId: z.number().int(), name: z.string() }).nullable(),
});
export type ClassGroup = z.infer<typeof classGroupSchema>;

export const programClassSchema = z.object({
  id: z.number().int(),
  programId: z.number().int(),
  name: z.string(),
  theme: z.string().nullable(),
  place: z.string().nullable(),
  capacity: z.number().int(),
  enrolledCount: z.number().int(),
  sortOrder: z.number().int(),
  tutorInstructor: personRef.nullable(),
  tutorUsers: z.array(personRef),
  monitor: z.object({ enrolmentId: z.number().int(), cadreId: z.number().int(), name: z.string() }).nullable(),
  groups: z.array(classGroupSchema),
  themeTags: z.array(z.string()),
  minGrassrootsShare: z.number(),
});
export type ProgramClass = z.infer<typeof programClassSchema>;

// ---------------------------------------------------------------- enrolment

export const addEnrolmentsSchema = z.object({
  cadreIds: z.array(z.number().int().positive()).min(1).max(500),
  classId: z.number().int().positive().nullable().optional(),
  groupId: z.number().int().positive().nullable().optional(),
});
export type AddEnrolments = z.infer<typeof addEnrolmentsSchema>;

/** Move between class/group and set roles. Moving drops a monitor/group-leader role the new place cannot keep. */
export const enrolmentPatchSchema = z.object({
  classId: z.number().int().positive().nullable().optional(),
  groupId: z.number().int().positive().nullable().optional(),
  roles: z
    .array(classRoleSchema)
    .max(3)
    .refine((r) => new Set(r).size === r.length, '职务不能重复')
    .optional(),
});
export type EnrolmentPatch = z.infer<typeof enrolmentPatchSchema>;

export const enrolmentFilterSchema = z.object({
  classId: positiveId.optional(),
  groupId: positiveId.optional(),
  /** Name, unit or position contains this. */
  q: z.string().trim().max(100).optional(),
});
export const listEnrolmentsQuerySchema = enrolmentFilterSchema.extend(pageQuerySchema.shape).extend({
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type ListEnrolmentsQuery = z.infer<typeof listEnrolmentsQuerySchema>;

export const enrolmentSchema = z.object({
  id: z.number().int(),
  programId: z.number().int(),
  cadre: z.object({
    id: z.number().int(),
    name: z.string(),
    idNumber: z.string(),
    orgName: z.string(),
    position: z.string().nullable(),
    rank: rankSchema.nullable(),
  }),
  classId: z.number().int().nullable(),
  className: z.string().nullable(),
  groupId: z.number().int().nullable(),
  groupName: z.string().nullable(),
  roles: z.array(classRoleSchema),
  status: z.string(),
  withdrawalFlaggedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Enrolment = z.infer<typeof enrolmentSchema>;

/** One problem of an enrolment import, by spreadsheet row (1-based, as Excel shows it) and column. */
export const enrolmentImportErrorSchema = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
export const enrolmentImportResultSchema = z.object({
  dryRun: z.boolean(),
  /** True when the rows were written (never with errors: the import is all-or-nothing). */
  committed: z.boolean(),
  rows: z.number().int(),
  errors: z.array(enrolmentImportErrorSchema),
  preview: z.array(
    z.object({ row: z.number().int(), name: z.string(), className: z.string().nullable(), groupName: z.string().nullable(), roles: z.array(classRoleSchema) }),
  ),
});
export type EnrolmentImportResult = z.infer<typeof enrolmentImportResultSchema>;

// ---------------------------------------------------------------- registries

export const INSTRUCTOR_ROLES = ['leader', 'professor', 'tutor', 'practitioner'] as const;
export const instructorRoleSchema = z.enum(INSTRUCTOR_ROLES);
export type InstructorRole = z.infer<typeof instructorRoleSchema>;
export const INSTRUCTOR_ROLE_LABELS: Record<InstructorRole, { zh: string; en: string }> = {
  leader: { zh: '领导干部', en: 'Leader' },
  professor: { zh: '专家教授', en: 'Professor' },
  tutor: { zh: '带班老师', en: 'Tutor' },
  practitioner: { zh: '实务专家', en: 'Practitioner' },
};

/** Registry lists: entries of the caller's subtree; with orgId, those of that node, below it and above it. */
export const registryQuerySchema = z.object({ orgId: positiveId.optional(), q: z.string().trim().max(100).optional() });
export type RegistryQuery = z.infer<typeof registryQuerySchema>;

export const instructorInputSchema = z.object({
  orgId: z.number().int().positive(),
  name: text(60),
  title: optionalText(100),
  unit: optionalText(200),
  external: z.boolean().default(false),
  role: instructorRoleSchema.default('professor'),
});
export type InstructorInput = z.infer<typeof instructorInputSchema>;
export const instructorPatchSchema = instructorInputSchema.partial().extend({ external: z.boolean().optional(), role: instructorRoleSchema.optional() });
export type InstructorPatch = z.infer<typeof instructorPatchSchema>;
/** GET /api/v1/instructors answers Instructor[] (at most 1,000, by name). */
export const instructorSchema = z.object({
  id: z.number().int(),
  org: z.object({ id: z.number().int(), name: z.string() }),
  name: z.string(),
  title: z.string().nullable(),
  unit: z.string().nullable(),
  external: z.boolean(),
  role: instructorRoleSchema,
});
export type Instructor = z.infer<typeof instructorSchema>;

const latitude = z.number().min(-90).max(90);
const longitude = z.number().min(-180).max(180);
const venueFields = {
  orgId: z.number().int().positive(),
  name: text(200),
  address: optionalText(300),
  lat: latitude.nullable().optional(),
  lng: longitude.nullable().optional(),
  offsite: z.boolean().default(false),
  /** Coordinates as given: WGS-84 (GPS, default) or GCJ-02 (Amap/Tencent maps); stored as WGS-84. */
  coordSystem: z.enum(['wgs84', 'gcj02']).default('wgs84'),
};
const bothOrNeither = (v: { lat?: number | null; lng?: number | null }) =>
  (v.lat === undefined) === (v.lng === undefined) && (v.lat === null) === (v.lng === null);
const COORD_MESSAGE = { message: '纬度和经度须同时填写', path: ['lng'] };
export const venueInputSchema = z.object(venueFields).refine(bothOrNeither, COORD_MESSAGE);
export type VenueInput = z.infer<typeof venueInputSchema>;
export const venuePatchSchema = z
  .object({
    orgId: venueFields.orgId.optional(),
    name: venueFields.name.optional(),
    address: venueFields.address,
    lat: venueFields.lat,
    lng: venueFields.lng,
    offsite: z.boolean().optional(),
    coordSystem: venueFields.coordSystem,
  })
  .refine(bothOrNeither, COORD_MESSAGE);
export type VenuePatch = z.infer<typeof venuePatchSchema>;
/** GET /api/v1/venues answers Venue[] (at most 1,000, by name); lat/lng are WGS-84. */
export const venueSchema = z.object({
  id: z.number().int(),
  org: z.object({ id: z.number().int(), name: z.string() }),
  name: z.string(),
  address: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  offsite: z.boolean(),
});
export type Venue = z.infer<typeof venueSchema>;

/** Audit actions this module records (merged into AUDIT_ACTIONS). */
export const PROGRAMS_AUDIT_ACTIONS = {
  'program.create': { zh: '新建培训项目', en: 'Create program' },
  'program.update': { zh: '修改培训项目', en: 'Edit program' },
  'program.delete': { zh: '删除培训项目', en: 'Delete program' },
  'program.status': { zh: '变更项目状态', en: 'Change program status' },
  'program.attachment_add': { zh: '上传管理制度', en: 'Upload rules document' },
  'program.attachment_delete': { zh: '删除管理制度', en: 'Delete rules document' },
  'class.create': { zh: '新建班级', en: 'Create class' },
  'class.update': { zh: '修改班级', en: 'Edit class' },
  'class.delete': { zh: '删除班级', en: 'Delete class' },
  'group.create': { zh: '新建小组', en: 'Create group' },
  'group.update': { zh: '修改小组', en: 'Edit group' },
  'group.delete': { zh: '删除小组', en: 'Delete group' },
  'enrolment.add': { zh: '添加学员', en: 'Enrol trainees' },
  'enrolment.update': { zh: '调整学员', en: 'Edit enrolment' },
  'enrolment.remove': { zh: '移除学员', en: 'Remove trainee' },
  'enrolment.import': { zh: '导入学员', en: 'Import trainees' },
  'enrolment.export': { zh: '导出学员名单', en: 'Export trainees' },
  'instructor.create': { zh: '新增师资', en: 'Add instructor' },
  'instructor.update': { zh: '修改师资', en: 'Edit instructor' },
  'instructor.delete': { zh: '删除师资', en: 'Delete instructor' },
  'venue.create': { zh: '新增教学点', en: 'Add venue' },
  'venue.update': { zh: '修改教学点', en: 'Edit venue' },
  'venue.delete': { zh: '删除教学点', en: 'Delete venue' },
} as const;
