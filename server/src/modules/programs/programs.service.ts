// Programs service (issue 3): the program and its lifecycle, management-rules attachments, classes and groups,
// enrolment (manual and imported), and the instructor and venue registries — one bundle, one folder.
import type { AppContext } from '../../context.ts';
import { createAttachmentService } from './attachments.service.ts';
import { createClassService } from './classes.service.ts';
import { createEnrolmentImport } from './enrolment-import.ts';
import { createEnrolmentService } from './enrolments.service.ts';
import { createProgramCore } from './program-core.service.ts';
import { createRegistryService } from './registry.service.ts';

export function createProgramsService(ctx: AppContext) {
  const attachments = createAttachmentService(ctx);
  const registry = createRegistryService(ctx);
  return {
    programs: createProgramCore(ctx, attachments),
    attachments,
    classes: createClassService(ctx),
    enrolments: createEnrolmentService(ctx),
    enrolmentImport: createEnrolmentImport(ctx),
    instructors: registry.instructors,
    venues: registry.venues,
  };
}
export type ProgramsService = ReturnType<typeof createProgramsService>;
