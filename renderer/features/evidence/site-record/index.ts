/**
 * The 现场勘测笔录 section (issue 13 item 4): the record's siteRecord — survey start and end, witnesses, instrument and
 * method, 四至, whether the party was present and the refusal's reason — edited in the inspection record panel and
 * saved through the panel's `save` (one history entry; an amendment with its reason once submitted).
 */
import { registerInspectionSection } from '../../inspection';
import { SiteRecordSection } from './components/SiteRecordSection';

/** The section's place among the record's sections: after the photos (30); the 笔录's facts come last on site. */
export const SITE_RECORD_SECTION_ORDER = 40;

/** Registers the section with the inspection record panel; returns the function that removes it. */
export function registerSiteRecordSection(): () => void {
  return registerInspectionSection({
    id: 'siteRecord',
    order: SITE_RECORD_SECTION_ORDER,
    titleKey: 'evidencePapers.site.title',
    component: SiteRecordSection,
    testId: 'inspection-section-site-record',
  });
}

export { beijingInputText, draftOfSiteRecord, siteRecordIssues, siteRecordOfDraft } from './site-record.logic';
