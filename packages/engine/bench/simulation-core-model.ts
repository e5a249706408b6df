import { Model } from "simulation";
import { CORE } from "./core-model.ts";

/** The same core model in `simulation` (Insight Maker's engine): stocks, flows and variables. */
export function buildSimulationCore() {
  const m = new Model({
    timeStart: 0,
    timeLength: CORE.steps,
    timeStep: 1,
    timeUnits: "Years",
    algorithm: "Euler",
  });
  const stock = m.Stock({ name: "Stockpile", initial: CORE.stock });
  const price = m.Stock({ name: "Price", initial: CORE.p0, nonNegative: false });
  const supply = m.Variable({
    name: "Supply",
    value: `IfThenElse(Years() >= ${CORE.cutAt}, ${CORE.capacity * CORE.allowed}, ${CORE.capacity})`,
  });
  const release = m.Flow(stock, null, {
    name: "Release",
    rate: `IfThenElse(Years() >= ${CORE.cutAt}, Min(${CORE.release}, [Stockpile], Max(0, ${CORE.demand} - [Supply])), 0)`,
  });
  const shortage = m.Variable({
    name: "Shortage",
    value: `Max(0, (${CORE.demand} - [Supply] - [Release]) / ${CORE.demand})`,
  });
  const adjust = m.Flow(null, price, {
    name: "Adjust",
    rate: `${CORE.adjustment} * (${CORE.p0} * Max(0.02, 1 - [Shortage])^(-${CORE.response}) - [Price])`,
  });
  m.Link(supply, release);
  m.Link(stock, release);
  m.Link(supply, shortage);
  m.Link(release, shortage);
  m.Link(shortage, adjust);
  m.Link(price, adjust);
  return { model: m, price, stock };
}

/** Simulates a built model and reads the two series back. */
export function simulateCore(built: ReturnType<typeof buildSimulationCore>): {
  price: number[];
  stock: number[];
} {
  const res = built.model.simulate();
  return { price: res.series(built.price), stock: res.series(built.stock) };
}

export function runSimulationCore(): { price: number[]; stock: number[] } {
  return simulateCore(buildSimulationCore());
}
