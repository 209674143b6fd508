import './base.css';
import '../pages/console.css';
import '../features/console-content/console-content.css';
import '../features/console-products/console-products.css';
import '../features/console-orders/console-orders.css';
import '../features/console-analytics/analytics.css';
import { ConsolePage } from '../pages/ConsolePage';
import { mount } from './mount';

mount(<ConsolePage />);
