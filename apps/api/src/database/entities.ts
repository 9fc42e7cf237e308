import { AuditEvent } from '../audit/audit-event.entity';
import { CaseItem } from '../case-sharing/case-item.entity';
import { CaseShare } from '../case-sharing/case-share.entity';
import { LoginAttempt } from '../auth/login-attempt.entity';
import { Citizen } from '../citizens/citizen.entity';
import { Contact } from '../contacts/contact.entity';
import { CourseMinutes } from '../courses/course-minutes.entity';
import { CourseMentorPeriod } from '../courses/course-mentor-period.entity';
import { MentorCourse } from '../courses/mentor-course.entity';
import { StoredFile } from '../files/stored-file.entity';
import { HandoverPacket } from '../handover/handover-packet.entity';
import { GrantMinutes } from '../grants/grant-minutes.entity';
import { MentorGrant } from '../grants/mentor-grant.entity';
import { MessageAttachment } from '../messages/message-attachment.entity';
import { MessageThread } from '../messages/message-thread.entity';
import { Message, MessageRead } from '../messages/message.entity';
import { Session } from '../auth/session.entity';
import { Municipality } from '../organisations/municipality.entity';
import { Organisation } from '../organisations/organisation.entity';
import { Notification } from '../notifications/notification.entity';
import { ProgressReportVersion } from '../reports/progress-report-version.entity';
import { ProgressReport } from '../reports/progress-report.entity';
import { CourseContactStats } from '../indicators/course-contact-stats.entity';
import { SurveyResponse } from '../surveys/survey-response.entity';
import { User } from '../users/user.entity';
import { MentorCertification } from '../workforce/mentor-certification.entity';
import { MentorProfile } from '../workforce/mentor-profile.entity';
import { MentorSupervision } from '../workforce/mentor-supervision.entity';
import { MentorTraining } from '../workforce/mentor-training.entity';
import { MentorUpskilling } from '../workforce/mentor-upskilling.entity';
import { ProfileSuggestion } from '../workforce/profile-suggestion.entity';
import { RecruitmentAssessment, RecruitmentRequirement } from '../workforce/recruitment.entity';

/** Every entity of the schema; the one list the app, the CLI and the drift test share. */
export const ENTITIES = [
  Municipality,
  Organisation,
  User,
  Session,
  LoginAttempt,
  AuditEvent,
  Citizen,
  MentorGrant,
  GrantMinutes,
  MentorCourse,
  CourseMentorPeriod,
  Contact,
  CourseMinutes,
  ProgressReport,
  ProgressReportVersion,
  Notification,
  MentorProfile,
  MentorTraining,
  MentorCertification,
  MentorUpskilling,
  MentorSupervision,
  RecruitmentRequirement,
  RecruitmentAssessment,
  ProfileSuggestion,
  HandoverPacket,
  StoredFile,
  CaseItem,
  CaseShare,
  MessageThread,
  Message,
  MessageRead,
  MessageAttachment,
  SurveyResponse,
  CourseContactStats,
];
