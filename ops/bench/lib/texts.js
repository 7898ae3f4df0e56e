// Message texts: ordinary sentences without digits, addresses or e-mail, so the youth hub's personal-details nudge
// (looks-personal) never stops a simulated young person.
const youth = [
  'hej, jag vet inte riktigt hur jag ska börja',
  'det har hänt något som jag inte har berättat för någon',
  'jag känner mig ganska ensam med det här',
  'kan jag vara anonym här hela tiden?',
  'det känns lite bättre att skriva om det',
  'jag vet inte om det var mitt fel',
  'okej, jag förstår vad du menar',
];

const counsellor = [
  'hej och välkommen, du är anonym här',
  'tack för att du berättar, det låter tungt',
  'det är aldrig ditt fel när någon gör så mot dig',
  'vill du berätta lite mer om hur det känns nu?',
  'du får skriva i din egen takt',
  'finns det någon vuxen du litar på i din närhet?',
];

const pick = (list) => list[Math.floor(Math.random() * list.length)];
export const youthText = () => pick(youth);
export const counsellorText = () => pick(counsellor);
