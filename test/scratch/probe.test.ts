import { afterAll, beforeAll, it } from "vitest";
import { startTestHub, type TestHub } from "../support/hub.js";
let hub: TestHub;
beforeAll(async () => { hub = await startTestHub(); });
afterAll(() => hub?.close());
it("probe", async () => {
  hub.db.resetQueryCount();
  const r = await hub.query(`{ compare(municipalities: ["ratingen","hildesheim"], topics: ["schools"]) {
    municipalities { slug }
    rows { topic { key } cells { municipality { slug } coverage fieldsOfAction { title } projects { slug status } } }
    keyFigures { municipality { slug } population strategies { title adoptedOn horizon } fieldOfActionCount projectsByStatus { status count } budgetByYear { year total } providers { provider { name } roles } indicators { name value unit } }
  } }`);
  console.log(JSON.stringify(r, null, 1), hub.db.queries.length);
  const r2 = await hub.query(`{ compare(municipalities: ["herten","kelsterbach"]) { rows { topic { key } cells { coverage projects { slug } fieldsOfAction { title } } } keyFigures { municipality { slug } indicators { name value } projectsByStatus { status count } } } }`);
  console.log(JSON.stringify(r2));
  for (const q of [`{ compare(municipalities: ["nowhere","herten","x"]) { rows { topic { key } } } }`, `{ compare(municipalities: []) { rows { topic { key } } } }`, `{ compare(municipalities: ["a","a"]) { rows { topic { key } } } }`,`{ compare(municipalities: [${Array.from({length:21},(_, i)=>`"c${i}"`).join(",")}]) { rows { topic { key } } } }`, `{ compare(municipalities: ["herten"], topics: ["nope"]) { rows { topic { key } } } }`])
    console.log(JSON.stringify(await hub.query(q)));
});
