import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  addWorkingDays,
  type CourseHandover,
  CourseStatus,
  HANDOVER_ACKNOWLEDGE_WORKING_DAYS,
  type HandoverContent,
  handoverContentErrors,
  type HandoverPacket as HandoverPacketView,
  HandoverStatus,
  NotificationKind,
  Role,
} from '@mentor/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ReadAuditWriter } from '../audit/read-audit.writer';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { todayInDenmark } from '../common/clock';
import { ProblemException } from '../common/problem';
import { NotFoundProblem, StaleVersionProblem, updateWithVersion } from '../common/versioned-update';
import { queryPrepared } from '../database/prepared';
import { NotificationsService } from '../notifications/notifications.service';
import type { HandoverActionDto, SaveHandoverDto } from './dto/handover.dto';
import { HandoverPacket } from './handover-packet.entity';
import { PREFILL_CONTACTS, prefillHandover, prefillSource } from './handover-prefill';
import {
  handoverStatement,
  type HandoverRow,
  type PacketRow,
  prefillStatement,
  type PrefillRow,
} from './handover-queries';

function conflict(code: string, detail: string): ProblemException {
  return new ProblemException({ status: 409, code, detail });
}

/** The packet of the course's current mentor period, if one is saved. */
function currentPacket(row: HandoverRow): PacketRow | undefined {
  return row.periodId ? row.packets.find((p) => p.mentorPeriodId === row.periodId) : undefined;
}

const isSent = (packet: PacketRow) => packet.status !== HandoverStatus.Draft;

@Injectable()
export class HandoverService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly readAudit: ReadAuditWriter,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * The course's packets as the caller may see them: the citizen's caseworker all of them (the
   * current one pre-filled when none is saved); the current mentor theirs once sent; a team leader
   * of the delivering organisation the sent ones. The read is audit-logged.
   */
  async get(caller: AuthenticatedUser, courseId: string, audited = true): Promise<CourseHandover> {
    const row = await this.load(caller, courseId, this.db.manager, audited);
    const today = todayInDenmark();
    const view = (packet: PacketRow) => this.view(row, packet, today);
    const current = currentPacket(row);
    const earlier = row.packets.filter((packet) => packet !== current);
    if (this.isCaseworker(caller, row)) {
      return {
        current: current ? view(current) : row.periodId ? await this.prefilled(row) : null,
        earlier: earlier.map(view),
      };
    }
    if (caller.role === Role.Mentor) {
      const own = current && current.mentorId === caller.id && isSent(current) ? current : undefined;
      return { current: own ? view(own) : null, earlier: [] };
    }
    return {
      current: current && isSent(current) ? view(current) : null,
      earlier: earlier.filter(isSent).map(view),
    };
  }

  /** Saves the current packet's draft; the first save (version 0) creates it. Only while a draft. */
  async save(caller: AuthenticatedUser, courseId: string, dto: SaveHandoverDto): Promise<CourseHandover> {
    const row = await this.load(caller, courseId);
    this.assertCaseworker(caller, row);
    const periodId = this.assertHandedOver(row);
    const content = plainContent(dto.content);
    const current = currentPacket(row);
    await this.db.transaction(async (tx) => {
      let packetId: string;
      if (!current) {
        if (dto.version !== 0) throw new StaleVersionProblem('handover', 0);
        const [inserted]: { id: string }[] = await tx.query(
          `INSERT INTO handover_packet (municipality_id, course_id, mentor_id, mentor_period_id, status, source,
                                        content, created_by, version)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1)
           ON CONFLICT ON CONSTRAINT uq_handover_packet_period DO NOTHING RETURNING id`,
          [
            row.municipalityId,
            courseId,
            row.periodMentorId,
            periodId,
            HandoverStatus.Draft,
            prefillSource(row.hasEarlierPeriod),
            JSON.stringify(content),
            caller.id,
          ],
        );
        // Someone else saved the first draft meanwhile.
        if (!inserted) throw new StaleVersionProblem('handover', 1);
        packetId = inserted.id;
      } else {
        this.assertDraft(current);
        await updateWithVersion(
          tx,
          HandoverPacket,
          'handover',
          { id: current.id, municipalityId: row.municipalityId },
          dto.version,
          { content },
        );
        packetId = current.id;
      }
      await this.audit.record(caller, this.auditEntry('handover.save', row, packetId), tx);
    });
    return this.get(caller, courseId, false);
  }

  /** Sends the saved draft to the mentor, who should acknowledge it within the working days. */
  async send(caller: AuthenticatedUser, courseId: string, dto: HandoverActionDto): Promise<CourseHandover> {
    const row = await this.load(caller, courseId);
    this.assertCaseworker(caller, row);
    this.assertHandedOver(row);
    const current = currentPacket(row);
    if (!current) throw conflict('handover.not_saved', 'Save the handover packet before sending it.');
    this.assertDraft(current);
    const errors = handoverContentErrors(current.content);
    if (errors.length) {
      throw new ProblemException({
        status: 422,
        code: 'handover.incomplete',
        detail: 'The packet cannot be sent yet: fill in the fields marked.',
        errors: errors.map((e) => ({
          field: e.field,
          messages: [`${e.field} is required to send the packet`],
          codes: [`handover.${e.code}`],
        })),
      });
    }
    const acknowledgeBy = addWorkingDays(todayInDenmark(), HANDOVER_ACKNOWLEDGE_WORKING_DAYS);
    await this.db.transaction(async (tx) => {
      await updateWithVersion(
        tx,
        HandoverPacket,
        'handover',
        { id: current.id, municipalityId: row.municipalityId },
        dto.version,
        { status: HandoverStatus.Sent, sentAt: new Date(), sentBy: caller.id, acknowledgeBy },
      );
      await this.notify(tx, row, current, NotificationKind.HandoverSent, current.mentorId, acknowledgeBy);
      await this.audit.record(caller, this.auditEntry('handover.send', row, current.id), tx);
    });
    return this.get(caller, courseId, false);
  }

  /** The current mentor acknowledges the sent packet; from then on they may log contacts. */
  async acknowledge(
    caller: AuthenticatedUser,
    courseId: string,
    dto: HandoverActionDto,
  ): Promise<CourseHandover> {
    const row = await this.load(caller, courseId);
    const current = currentPacket(row);
    if (caller.role !== Role.Mentor || row.periodMentorId !== caller.id) {
      throw new ProblemException({
        status: 403,
        code: 'handover.not_course_mentor',
        detail: "Only the course's current mentor acknowledges its handover packet.",
      });
    }
    // A draft is answered as no packet at all: the mentor does not learn of drafts.
    if (!current || current.status === HandoverStatus.Draft) {
      throw conflict('handover.not_sent', 'The handover packet has not been sent to you yet.');
    }
    if (current.status === HandoverStatus.Acknowledged) {
      throw conflict('handover.already_acknowledged', 'The handover packet is already acknowledged.');
    }
    await this.db.transaction(async (tx) => {
      await updateWithVersion(
        tx,
        HandoverPacket,
        'handover',
        { id: current.id, municipalityId: row.municipalityId },
        dto.version,
        { status: HandoverStatus.Acknowledged, acknowledgedAt: new Date(), acknowledgedBy: caller.id },
      );
      await this.notify(tx, row, current, NotificationKind.HandoverAcknowledged, row.caseworkerId);
      await this.audit.record(caller, this.auditEntry('handover.acknowledge', row, current.id), tx);
    });
    return this.get(caller, courseId, false);
  }

  // Helpers.

  private async load(
    caller: AuthenticatedUser,
    courseId: string,
    manager: EntityManager = this.db.manager,
    audited = false,
  ): Promise<HandoverRow> {
    const { text, values } = handoverStatement(caller, courseId);
    const read = () => queryPrepared<HandoverRow>(manager, text, values);
    const audit = { action: 'handover.read', entityType: 'mentor_course', entityId: courseId };
    const [row] = audited ? await this.readAudit.read(caller, audit, read) : await read();
    if (!row) throw new NotFoundProblem('course');
    return row;
  }

  private isCaseworker(caller: AuthenticatedUser, row: HandoverRow): boolean {
    return caller.role === Role.Caseworker && row.caseworkerId === caller.id;
  }

  private assertCaseworker(caller: AuthenticatedUser, row: HandoverRow) {
    if (!this.isCaseworker(caller, row)) {
      throw new ProblemException({
        status: 403,
        code: 'handover.not_caseworker',
        detail: "Only the citizen's caseworker writes and sends the handover packet.",
      });
    }
  }

  /** The course has a current mentor to hand over to and has not ended; returns its mentor period. */
  private assertHandedOver(row: HandoverRow): string {
    if (row.courseStatus === CourseStatus.Ended) {
      throw new ProblemException({
        status: 422,
        code: 'handover.course_ended',
        detail: 'The course has ended; there is nothing to hand over.',
      });
    }
    if (!row.periodId) {
      throw new ProblemException({
        status: 422,
        code: 'handover.no_mentor',
        detail: 'Assign the course a mentor before writing the handover packet.',
      });
    }
    return row.periodId;
  }

  /** Drafts only: a sent packet is not changed or sent again. */
  private assertDraft(packet: PacketRow) {
    if (packet.status !== HandoverStatus.Draft) {
      throw conflict('handover.already_sent', `The handover packet is already ${packet.status}.`);
    }
  }

  private auditEntry(action: string, row: HandoverRow, packetId: string) {
    return {
      action,
      citizenId: row.citizenId,
      entityType: 'handover_packet',
      entityId: packetId,
    };
  }

  private notify(
    tx: EntityManager,
    row: HandoverRow,
    packet: PacketRow,
    kind: NotificationKind,
    userId: string,
    dueOn?: string,
  ) {
    return this.notifications.add(tx, [
      {
        municipalityId: row.municipalityId,
        userId,
        kind,
        courseId: row.courseId,
        reportId: null,
        payload: dueOn ? { dueOn } : {},
        key: `${kind}:${packet.id}`,
      },
    ]);
  }

  private view(row: HandoverRow, packet: PacketRow, today: string): HandoverPacketView {
    return {
      id: packet.id,
      courseId: row.courseId,
      mentorId: packet.mentorId,
      mentorName: packet.mentorName,
      status: packet.status,
      source: packet.source,
      content: packet.content,
      createdByName: packet.createdByName,
      createdAt: packet.createdAt,
      updatedAt: packet.updatedAt,
      sentAt: packet.sentAt,
      acknowledgeBy: packet.acknowledgeBy,
      acknowledgeOverdue:
        packet.status === HandoverStatus.Sent &&
        packet.mentorPeriodId === row.periodId &&
        packet.acknowledgeBy !== null &&
        packet.acknowledgeBy < today,
      acknowledgedAt: packet.acknowledgedAt,
      version: packet.version,
    };
  }

  /** The unsaved packet a caseworker starts from (id null, version 0). */
  private async prefilled(row: HandoverRow): Promise<HandoverPacketView> {
    const { text, values } = prefillStatement(
      row.municipalityId,
      row.courseId,
      row.periodId as string,
      PREFILL_CONTACTS,
    );
    const [sources] = await queryPrepared<PrefillRow>(this.db, text, values);
    if (!sources) throw new NotFoundProblem('course');
    const source = prefillSource(row.hasEarlierPeriod);
    return {
      id: null,
      courseId: row.courseId,
      mentorId: row.periodMentorId as string,
      mentorName: row.periodMentorName as string,
      status: HandoverStatus.Draft,
      source,
      content: prefillHandover(source, {
        grant: { purpose: sources.purpose, goals: sources.goals },
        citizen: {
          preferredMeetingPlace: sources.citizenMeetingPlace,
          meetingPlaceReason: sources.meetingPlaceReason,
        },
        previous: sources.previous,
        report: sources.report,
        contacts: sources.contacts,
      }),
      createdByName: null,
      createdAt: null,
      updatedAt: null,
      sentAt: null,
      acknowledgeBy: null,
      acknowledgeOverdue: false,
      acknowledgedAt: null,
      version: 0,
    };
  }
}

/** The validated DTO as a plain object in the contract's field order, for the jsonb column. */
function plainContent(content: HandoverContent): HandoverContent {
  return {
    background: content.background,
    purpose: content.purpose,
    goals: [...content.goals],
    knownBarriers: content.knownBarriers,
    triedBefore: content.triedBefore,
    contactPreferences: {
      meetingPlace: content.contactPreferences.meetingPlace,
      meetingPlaceReason: content.contactPreferences.meetingPlaceReason,
      times: content.contactPreferences.times,
      forms: [...content.contactPreferences.forms],
    },
    safetyNotes: content.safetyNotes,
    otherActors: content.otherActors.map((a) => ({ kind: a.kind, name: a.name, contact: a.contact })),
    firstSteps: [...content.firstSteps],
    courseSoFar: content.courseSoFar,
  };
}
