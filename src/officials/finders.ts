/**
 * Where a writer looks up their own representative, for each region and recipient the built-in
 * pack has: the parliament's or electoral commission's own finder. Shown by `regions`, by the
 * wizard when it asks for a name, and when the directory cannot answer.
 */
export interface Finder {
  label: string;
  url: string;
}

export const HOUSE_FINDER = 'https://www.house.gov/representatives/find-your-representative';
export const SENATE_FINDER = 'https://www.senate.gov/senators/senators-contact.htm';

const FINDERS: Readonly<Record<string, Readonly<Record<string, Finder>>>> = {
  us: {
    senator: { label: 'U.S. Senate: contact information for each senator, by state', url: SENATE_FINDER },
    representative: { label: 'U.S. House of Representatives: find your representative by ZIP code', url: HOUSE_FINDER },
  },
  uk: { mp: { label: 'UK Parliament: Find your MP, by postcode', url: 'https://members.parliament.uk/FindYourMP' } },
  eu: { mep: { label: 'European Parliament: search MEPs by country', url: 'https://www.europarl.europa.eu/meps/en/home' } },
  ca: { mp: { label: 'House of Commons of Canada: find your Member of Parliament', url: 'https://www.ourcommons.ca/Members/en' } },
  au: { member: { label: 'Australian Electoral Commission: find your electorate', url: 'https://electorate.aec.gov.au/' } },
};

export function finderFor(region: string, recipient: string): Finder | undefined {
  return FINDERS[region]?.[recipient];
}
