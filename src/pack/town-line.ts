/** A region's town line: {city}, {state} and {postcode}, in that order, and what goes between them ("{city}, {state} {postcode}"). */
export const TOWN_LINE = /^\{city\}([^{}]+)\{state\}([^{}]+)\{postcode\}$/;
