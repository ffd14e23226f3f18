/** A country's emergency numbers, as a traveller there should dial them. */
export interface EmergencyNumbers {
  police: string;
  ambulance: string;
}

/**
 * By ISO 3166 code: the countries tour groups go to (see the places of the entity rules).
 * Where one number serves all (112, 911, 999), it is both.
 */
export const emergencyNumbers: Readonly<Record<string, EmergencyNumbers>> = {
  CN: { police: '110', ambulance: '120' },
  HK: { police: '999', ambulance: '999' },
  MO: { police: '999', ambulance: '999' },
  TW: { police: '110', ambulance: '119' },
  JP: { police: '110', ambulance: '119' },
  KR: { police: '112', ambulance: '119' },
  TH: { police: '191', ambulance: '1669' },
  VN: { police: '113', ambulance: '115' },
  SG: { police: '999', ambulance: '995' },
  MY: { police: '999', ambulance: '999' },
  ID: { police: '110', ambulance: '118' },
  PH: { police: '911', ambulance: '911' },
  KH: { police: '117', ambulance: '119' },
  MV: { police: '119', ambulance: '102' },
  LK: { police: '119', ambulance: '1990' },
  NP: { police: '100', ambulance: '102' },
  IN: { police: '112', ambulance: '112' },
  AE: { police: '999', ambulance: '998' },
  EG: { police: '122', ambulance: '123' },
  TR: { police: '112', ambulance: '112' },
  RU: { police: '112', ambulance: '112' },
  FR: { police: '112', ambulance: '112' },
  IT: { police: '112', ambulance: '112' },
  ES: { police: '112', ambulance: '112' },
  DE: { police: '112', ambulance: '112' },
  CH: { police: '112', ambulance: '144' },
  GR: { police: '112', ambulance: '112' },
  GB: { police: '999', ambulance: '999' },
  US: { police: '911', ambulance: '911' },
  CA: { police: '911', ambulance: '911' },
  AU: { police: '000', ambulance: '000' },
  NZ: { police: '111', ambulance: '111' },
};
